import { OAUTH_CALLBACK_PARAM, type RedirectCallbackResult } from '@usher/core';
import { useEffect, useState, type MouseEvent } from 'react';
import { currentLocation, type PageLocation } from '../../control/auth-urls.ts';
import { useNavigate, type Navigate } from '../../control/navigation.ts';
import { useUsher } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Card, CardFooterAction } from '../../primitives/Card.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { afterCallbackUrl, authPageTarget, continueUrl, needsTwoStepSetup, returnUrlOf, type CallbackTargetProps } from './callback-targets.ts';

/** Outcomes a host component handles in place (SignIn's own continue step, SignUp's). */
export type InPlaceOutcomes = Partial<Record<'needs_sign_in' | 'needs_sign_up', () => unknown>>;

export interface RedirectCallbackViewProps extends CallbackTargetProps {
  /** How to leave the page; default the provider's `routerReplace`, else `location.replace`. */
  navigate?: Navigate;
  /** @internal outcomes the enclosing SignIn or SignUp continues itself */
  inPlace?: InPlaceOutcomes;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string; signedIn: boolean };

/**
 * The return page's content: "Signing you in…" (a status) while the forwarded answer is posted,
 * then a navigation for each outcome, or the reason it failed with a way back. The page address
 * is read once, so React StrictMode's second effect shares the first one's request.
 */
export function RedirectCallbackView({ navigate: navigateProp, inPlace, ...targets }: RedirectCallbackViewProps) {
  const usher = useUsher();
  const { t, resolveError } = useLocalization();
  const leave = useNavigate('replace', navigateProp);
  const push = useNavigate('push', navigateProp);
  const [location] = useState<PageLocation | null>(currentLocation);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    if (!location) return;
    const fail = (caught: unknown) => setState({ kind: 'error', message: resolveError(caught), signedIn: usher.getSnapshot().session !== null });
    if (!new URL(location.href).searchParams.get(OAUTH_CALLBACK_PARAM)) {
      fail({ code: 'oauth_callback_invalid', message: '', meta: {} });
      return;
    }
    let live = true;
    const go = async (result: RedirectCallbackResult) => {
      const { environment, user, signUp } = usher.getSnapshot();
      const isSignUp = result.createdSessionId !== null && signUp.createdSessionId === result.createdSessionId;
      const after = afterCallbackUrl(result, targets, environment, location, isSignUp);
      if (result.outcome === 'signed_in') {
        return leave(needsTwoStepSetup(environment, user) ? authPageTarget('signIn', targets, environment, location, after) : after);
      }
      if (result.outcome === 'connected') return leave(after);
      const page = result.outcome === 'needs_sign_in' ? 'signIn' : 'signUp';
      const own = inPlace?.[result.outcome];
      return own ? own() : leave(continueUrl(page, targets, environment, location, after));
    };
    usher.handleRedirectCallback({ url: location.href }).then(
      (result) => (live ? go(result) : undefined),
      (caught: unknown) => {
        if (live) fail(caught);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === 'loading') {
    return (
      <Card loading aria-label={t('social.callback.loading')}>
        <Spinner size="lg" label={t('social.callback.loading')} />
      </Card>
    );
  }
  const environment = usher.getSnapshot().environment;
  const here = location ?? { href: 'http://localhost/', origin: 'http://localhost' };
  const back = state.signedIn ? (returnUrlOf(here) ?? '/') : authPageTarget('signIn', targets, environment, here, returnUrlOf(here) ?? afterCallbackUrl({ outcome: 'signed_in', createdSessionId: null, externalAccount: null, redirectUrl: null }, targets, environment, here, false));
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void push(back);
  };
  return (
    <Card title={t('social.callback.errorTitle')} footer={<CardFooterAction link={state.signedIn ? t('backButton') : t('social.callback.backToSignIn')} href={back} onClick={follow} />}>
      <Alert>{state.message}</Alert>
    </Card>
  );
}
