import { createContext } from 'react';
import type { ResolvedAppearance } from './cascade.ts';
import type { ProviderAppearance } from './types.ts';

/** What <UsherProvider> hands to every component root: its appearance and a CSP nonce. */
export interface AppearanceProviderValue {
  appearance: ProviderAppearance | null;
  nonce?: string;
}

export const AppearanceProviderContext = createContext<AppearanceProviderValue>({ appearance: null });

/** The resolved appearance of the nearest <AppearanceScope>; null outside any. */
export const AppearanceScopeContext = createContext<ResolvedAppearance | null>(null);
