import { useAuth } from '../hooks/use-auth.ts';
import { useUser } from '../hooks/use-resources.ts';

/**
 * Who is signed in, from useAuth/useUser: the example component of the story helpers (not public).
 * `data-state` is `loading`, `signed-out` or `signed-in`.
 */
export function SessionStatus() {
  const { isLoaded, isSignedIn, signOut } = useAuth();
  const { user } = useUser();
  if (!isLoaded) {
    return (
      <p role="status" aria-busy="true" data-state="loading">
        Loading session…
      </p>
    );
  }
  if (!isSignedIn || !user) {
    return (
      <p role="status" data-state="signed-out">
        Signed out
      </p>
    );
  }
  const email = user.primaryEmailAddress?.emailAddress ?? null;
  return (
    <section aria-label="Session" data-state="signed-in">
      <p role="status">
        Signed in as <strong>{user.fullName ?? email ?? user.id}</strong>
        {email && user.fullName ? ` (${email})` : null}
      </p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </section>
  );
}
