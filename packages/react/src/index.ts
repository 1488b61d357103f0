/**
 * @usher/react — provider and hooks over the headless SDK. Components arrive with the
 * components issue; everything here is already usable for custom flows.
 */
export { UsherProvider, type UsherProviderProps } from './provider/UsherProvider.tsx';
export { useUsher, useUsherSnapshot } from './hooks/use-usher.ts';
export { useAuth, type UseAuthReturn } from './hooks/use-auth.ts';
export { useUser, useSession, useSessionList, useSignIn, useSignUp } from './hooks/use-resources.ts';
