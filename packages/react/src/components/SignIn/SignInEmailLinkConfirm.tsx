import { isUsherAPIError } from '@usher/core';
import { useState } from 'react';
import { useUsher } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { linkTokenOf } from './email-link-landing.ts';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';
import { useStepError } from './use-step-error.tsx';

type Outcome = 'ready' | 'elsewhere' | 'used' | 'expired' | 'invalid';

const COPY = {
  elsewhere: { title: 'signIn.emailLinkConfirm.elsewhereTitle', text: 'signIn.emailLinkConfirm.elsewhere' },
  used: { title: 'signIn.emailLinkConfirm.usedTitle', text: 'signIn.emailLinkConfirm.used' },
  expired: { title: 'signIn.emailLinkConfirm.expiredTitle', text: 'signIn.emailLinkConfirm.expired' },
  invalid: { title: 'signIn.emailLinkConfirm.invalidTitle', text: 'signIn.emailLinkConfirm.invalid' },
} as const;

/**
 * The page a sign-in link opens. Nothing happens until the click (a mail scanner's visit consumes
 * nothing): in the browser that asked for the link it signs in; elsewhere it confirms, and says
 * to return to the original tab. Used, expired and broken links each say so.
 */
export function SignInEmailLinkConfirm() {
  const usher = useUsher();
  const { t } = useLocalization();
  const { navigate, searchParams } = useRouter();
  const flow = useSignInFlow();
  const error = useStepError([]);
  const [busy, setBusy] = useState(false);
  const token = linkTokenOf(searchParams);
  const [outcome, setOutcome] = useState<Outcome>(token ? 'ready' : 'invalid');

  const confirm = async () => {
    if (!token) return;
    error.clear();
    setBusy(true);
    try {
      const { sameClient, signIn } = await usher.signIn.confirmEmailLink({ token });
      if (sameClient && signIn) return await flow.complete(signIn);
      setOutcome('elsewhere');
    } catch (caught) {
      if (isUsherAPIError(caught) && caught.hasCode('verification_already_verified')) setOutcome('used');
      else if (isUsherAPIError(caught) && caught.hasCode('verification_expired')) setOutcome('expired');
      else if (isUsherAPIError(caught) && caught.hasCode('verification_failed')) setOutcome('invalid');
      else error.report(caught);
    }
    setBusy(false);
  };

  if (outcome === 'ready') {
    return (
      <Card title={t('signIn.emailLinkConfirm.title')} subtitle={t('signIn.emailLinkConfirm.subtitle')}>
        {error.alert}
        <Button element="formButtonPrimary" loading={busy} disabled={error.waiting} onClick={() => void confirm()} autoFocus>
          {t('signIn.emailLinkConfirm.confirm')}
        </Button>
      </Card>
    );
  }
  const copy = COPY[outcome];
  return (
    <Card title={t(copy.title)} subtitle={t(copy.text)}>
      {outcome === 'elsewhere' ? null : (
        <Button element="formButtonPrimary" onClick={() => void navigate(SIGN_IN_ROUTES.start, { replace: true })} autoFocus>
          {t('signIn.emailLinkConfirm.backToSignIn')}
        </Button>
      )}
    </Card>
  );
}
