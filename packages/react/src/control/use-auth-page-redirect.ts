import { useEffect, useRef } from 'react';
import { useUsherSnapshot } from '../hooks/use-usher.ts';
import { authPageUrl, currentLocation, type AuthPageUrlOptions } from './auth-urls.ts';
import { useNavigate, type Navigate } from './navigation.ts';

/**
 * Navigates once to the sign-in/sign-up page, after mount (never during a server render). Waits
 * for the instance settings (cached or loaded) unless the page URL is given.
 */
export function useAuthPageRedirect(options: AuthPageUrlOptions, navigate: Navigate | undefined): void {
  const { isLoaded, environment } = useUsherSnapshot();
  const ready = options.url !== undefined || environment !== null || isLoaded;
  const go = useNavigate('replace', navigate);
  const done = useRef(false);
  // The latest props at the moment of leaving; a ref so that prop identity does not re-run the effect.
  const latest = useRef({ options, go, environment });
  latest.current = { options, go, environment };

  useEffect(() => {
    if (!ready || done.current) return;
    const location = currentLocation();
    if (!location) return;
    done.current = true;
    const { options: current, go: leave, environment: env } = latest.current;
    void leave(authPageUrl(current, env, location));
  }, [ready]);
}
