import { useMemo, type ReactNode } from 'react';
import { enUS } from './en-US.ts';
import { LocalizationContext } from './LocalizationContext.ts';
import { deepMerge } from './merge.ts';
import type { LocalizationResource, LocalizationResourceFull } from './types.ts';

/**
 * Deep-merges `localization` over English for everything below. <UsherProvider> renders one;
 * use it directly in tests and stories.
 *
 * @example <LocalizationProvider localization={{ formButtonPrimary: 'Weiter' }}><Field … /></LocalizationProvider>
 */
export function LocalizationProvider({ localization, children }: { localization?: LocalizationResource | null; children?: ReactNode }) {
  const resource = useMemo(() => (localization ? deepMerge<LocalizationResourceFull>(enUS, localization) : enUS), [localization]);
  return <LocalizationContext.Provider value={resource}>{children}</LocalizationContext.Provider>;
}
