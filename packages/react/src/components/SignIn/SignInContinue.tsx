import { useEffect, useRef } from 'react';
import type { StartedSignIn } from '@usher/core';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { linkLandingUrl } from './email-link-landing.ts';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';
import { useStepError } from './use-step-error.tsx';

/** The route of the step the client's sign-in is at (sending the code or link the step waits for). */
async function nextStep(attempt: StartedSignIn, linkUrl: () => string): Promise<string | 'complete'> {
  if (attempt.status === 'complete') return 'complete';
  if (attempt.status === 'needs_second_factor') return SIGN_IN_ROUTES.secondFactor;
  if (attempt.status === 'needs_new_password') return SIGN_IN_ROUTES.resetPassword;
  if (attempt.status !== 'needs_first_factor') return SIGN_IN_ROUTES.start;
  const strategies = attempt.supportedFirstFactors.map((factor) => factor.strategy);
  if (strategies.includes('password')) return SIGN_IN_ROUTES.password;
  if (strategies.includes('email_code')) {
    await attempt.prepareFirstFactor({ strategy: 'email_code' });
    return SIGN_IN_ROUTES.emailCode;
  }
  if (strategies.includes('email_link')) {
    await attempt.prepareFirstFactor({ strategy: 'email_link', redirectUrl: linkUrl() });
    return SIGN_IN_ROUTES.emailLink;
  }
  return SIGN_IN_ROUTES.start;
}

/**
 * `continue`: picks the client's sign-in up where it stands, e.g. after a provider's return that
 * needs the account to prove itself first (its password, or an emailed code, which this step
 * sends) or its second factor. Nothing in progress: the first step.
 */
export function SignInContinue() {
  const { isLoaded, signIn, environment } = useUsherSnapshot();
  const { t } = useLocalization();
  const { navigate, href } = useRouter();
  const flow = useSignInFlow();
  const error = useStepError([]);
  // Once per arrival (StrictMode runs effects twice): a code is sent once.
  const started = useRef(false);

  useEffect(() => {
    if (!isLoaded || started.current) return;
    started.current = true;
    if (!signIn.id || !signIn.status) {
      void navigate(SIGN_IN_ROUTES.start, { replace: true });
      return;
    }
    const attempt = signIn as StartedSignIn;
    if (attempt.identifier) flow.setIdentifier(attempt.identifier);
    nextStep(attempt, () => linkLandingUrl(href, environment?.displayConfig.signInUrl ?? '/sign-in'))
      .then((step) => (step === 'complete' ? flow.complete(attempt) : navigate(step, { replace: true })))
      .catch((caught: unknown) => error.report(caught));
  }, [isLoaded]);

  return (
    <Card title={error.alert ? t('signIn.start.title') : undefined} loading={!error.alert} aria-label={error.alert ? undefined : t('signIn.loadingLabel')}>
      {error.alert ?? <Spinner size="lg" label={t('signIn.loadingLabel')} />}
      {error.alert ? (
        <Button variant="secondary" element="formButtonSecondary" onClick={() => void navigate(SIGN_IN_ROUTES.start)}>
          {t('backButton')}
        </Button>
      ) : null}
    </Card>
  );
}
