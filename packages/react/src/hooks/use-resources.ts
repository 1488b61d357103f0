import type { Session, SignIn, SignUp, User, Usher } from '@usher/core';
import { useUsher, useUsherSnapshot } from './use-usher.ts';

/**
 * The signed-in user (`null` when signed out, `undefined` before load).
 * @example const { user } = useUser(); user?.update({ firstName: 'Ada' });
 */
export function useUser(): { isLoaded: boolean; isSignedIn: boolean | undefined; user: User | null | undefined } {
  const { isLoaded, user } = useUsherSnapshot();
  if (!isLoaded) return { isLoaded, isSignedIn: undefined, user: undefined };
  return { isLoaded, isSignedIn: user !== null, user };
}

/** The active session. @example const { session } = useSession(); */
export function useSession(): { isLoaded: boolean; isSignedIn: boolean | undefined; session: Session | null | undefined } {
  const { isLoaded, session } = useUsherSnapshot();
  if (!isLoaded) return { isLoaded, isSignedIn: undefined, session: undefined };
  return { isLoaded, isSignedIn: session !== null, session };
}

/** Every active session of this browser. @example const { sessions, setActive } = useSessionList(); */
export function useSessionList(): { isLoaded: boolean; sessions: readonly Session[] | undefined; setActive: Usher['setActive'] } {
  const { setActive } = useUsher();
  const { isLoaded, client } = useUsherSnapshot();
  return { isLoaded, sessions: isLoaded ? (client?.activeSessions ?? []) : undefined, setActive };
}

/** The current sign-in attempt, for custom flows. @example const { signIn, setActive } = useSignIn(); */
export function useSignIn(): { isLoaded: boolean; signIn: SignIn | undefined; setActive: Usher['setActive'] } {
  const { setActive } = useUsher();
  const { isLoaded, signIn } = useUsherSnapshot();
  return { isLoaded, signIn: isLoaded ? signIn : undefined, setActive };
}

/** The current sign-up attempt, for custom flows. @example const { signUp, setActive } = useSignUp(); */
export function useSignUp(): { isLoaded: boolean; signUp: SignUp | undefined; setActive: Usher['setActive'] } {
  const { setActive } = useUsher();
  const { isLoaded, signUp } = useUsherSnapshot();
  return { isLoaded, signUp: isLoaded ? signUp : undefined, setActive };
}
