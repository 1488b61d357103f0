import { createContext } from 'react';
import { enUS } from './en-US.ts';
import type { LocalizationResourceFull } from './types.ts';

/** The merged resource of the nearest provider; English outside any. */
export const LocalizationContext = createContext<LocalizationResourceFull>(enUS);
