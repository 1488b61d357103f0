import { useEffect, useState } from 'react';
import type { SessionTokenClaims } from '@usher/protocol';
import { decodeSessionClaims } from './decode-session-claims.ts';
import { useUsherSnapshot } from './use-usher.ts';

/** Read again this long after a failed read (the SDK retries the token itself meanwhile). */
const RETRY_MS = 5_000;
/** Bounds of the re-read that follows each token, so refreshed claims (a new role) show up. */
const MIN_REREAD_MS = 1_000;
const MAX_REREAD_MS = 5 * 60_000;

interface ClaimsRead {
  sessionId: string;
  claims: SessionTokenClaims | null;
  /** The claims that matter to the UI, as text, so a mere refresh does not re-render. */
  key: string;
}

function stableKey(claims: SessionTokenClaims | null): string {
  if (!claims) return 'null';
  const { iat: _iat, nbf: _nbf, exp: _exp, fva: _fva, ...rest } = claims;
  return JSON.stringify(rest);
}

/**
 * The claims of the active session's current token, decoded without verification (UI gating
 * only; the app's server verifies the token and enforces). `undefined` while unknown (before
 * load, or while the first token of a session is being fetched), `null` when signed out or when
 * no readable token could be had. Pass `enabled: false` to skip the token request.
 *
 * @example
 * const claims = useSessionClaims();
 * if (claims?.org_role === 'org:admin') showAdminMenu();
 */
export function useSessionClaims(enabled = true): SessionTokenClaims | null | undefined {
  const { isLoaded, session } = useUsherSnapshot();
  const [read, setRead] = useState<ClaimsRead | null>(null);

  useEffect(() => {
    if (!enabled || !session) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const publish = (claims: SessionTokenClaims | null) => {
      const next = { sessionId: session.id, claims, key: stableKey(claims) };
      setRead((prev) => (prev && prev.sessionId === next.sessionId && prev.key === next.key ? prev : next));
    };
    const readToken = () => {
      session.getToken().then(
        (jwt) => {
          if (!live) return;
          const decoded = jwt ? decodeSessionClaims(jwt) : null;
          // A token of another session must never gate this one.
          const claims = decoded && decoded.sid === session.id ? decoded : null;
          publish(claims);
          if (claims) timer = setTimeout(readToken, Math.min(MAX_REREAD_MS, Math.max(MIN_REREAD_MS, claims.exp * 1000 - Date.now() + 1000)));
        },
        () => {
          if (!live) return;
          // Offline or a 5xx: keep what this session already showed, else fail closed; try again.
          setRead((prev) => (prev?.sessionId === session.id ? prev : { sessionId: session.id, claims: null, key: 'null' }));
          timer = setTimeout(readToken, RETRY_MS);
        },
      );
    };
    readToken();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [enabled, session]);

  if (!isLoaded) return undefined;
  if (!session) return null;
  if (!enabled || read?.sessionId !== session.id) return undefined;
  return read.claims;
}
