import { createContext, useContext } from 'react';

/**
 * What the sections of one <UserProfile/> share: `guard` runs a sensitive action and, when the
 * server answers `session_reverification_required`, asks the user to confirm it is them (inline)
 * and runs it again. It answers the action's result, or undefined when the user cancelled.
 */
export interface UserProfileFlow {
  guard: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

export const UserProfileContext = createContext<UserProfileFlow | null>(null);

export function useUserProfileFlow(): UserProfileFlow {
  const flow = useContext(UserProfileContext);
  if (!flow) throw new TypeError('UserProfile sections must render inside <UserProfile>.');
  return flow;
}

/** Routes of <UserProfile/>, relative to its path. */
export const USER_PROFILE_ROUTES = {
  account: '',
  security: 'security',
} as const;
