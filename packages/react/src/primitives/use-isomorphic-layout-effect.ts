import { useEffect, useLayoutEffect } from 'react';

/** useLayoutEffect in browsers, useEffect on the server (where React 18 warns about layout effects). */
export const useIsomorphicLayoutEffect = typeof document !== 'undefined' ? useLayoutEffect : useEffect;
