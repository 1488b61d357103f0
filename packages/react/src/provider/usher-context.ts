import { createContext } from 'react';
import type { Usher } from '@usher/core';

/** The Usher instance of the nearest provider; null outside any provider. */
export const UsherContext = createContext<Usher | null>(null);
