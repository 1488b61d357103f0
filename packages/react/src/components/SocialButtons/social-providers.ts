import type { Environment } from '@usher/core';
import type { ResolvedLayout } from '../../appearance/types.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';

/** One enabled provider, as the environment lists it (`strategy`, `provider`, `name`, `icon`). */
export type SocialProvider = Environment['userSettings']['social'][number];

const NONE: readonly SocialProvider[] = [];

/** The instance's enabled providers, in its order (none while the environment is unknown). */
export function useSocialProviders(): readonly SocialProvider[] {
  return useUsherSnapshot().environment?.userSettings.social ?? NONE;
}

/** `auto`: full-width "Continue with …" buttons for one or two providers, a row of icons for more. */
export function socialButtonsVariant(layout: Pick<ResolvedLayout, 'socialButtonsVariant'>, count: number): 'iconButton' | 'blockButton' {
  if (layout.socialButtonsVariant !== 'auto') return layout.socialButtonsVariant;
  return count <= 2 ? 'blockButton' : 'iconButton';
}
