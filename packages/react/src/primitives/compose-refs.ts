import { useCallback, type Ref, type RefCallback } from 'react';

function assign<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/** One ref callback feeding several refs (a forwarded one and an internal one). Stable while the refs are. */
export function useComposedRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  // The refs themselves are the dependencies: a new ref object means a new callback.
  return useCallback((value: T | null) => refs.forEach((ref) => assign(ref, value)), refs);
}
