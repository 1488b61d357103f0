import { isUsherAPIError, type StartedSignIn, type StartedSignUp } from '@usher/core';
import { useEffect, useRef, useState } from 'react';
import { useUsher } from '../../hooks/use-usher.ts';
import type { LocalizationKey } from '../../localization/types.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { linkKindOf, linkTokenOf, type LinkKind } from '../SignIn/email-link-landing.ts';
import { useStepError } from '../SignIn/use-step-error.tsx';

type Outcome = 'ready' | 'elsewhere' | 'verified' | 'used' | 'expired' | 'invalid';

interface Copy {
  title: LocalizationKey;
  text: LocalizationKey;
}

const READY: Record<LinkKind, Copy & { confirm: LocalizationKey }> = {
  sign_in: { title: 'signIn.emailLinkConfirm.title', text: 'signIn.emailLinkConfirm.subtitle', confirm: 'signIn.emailLinkConfirm.confirm' },
  sign_up: { title: 'emailLink.confirm.signUpTitle', text: 'emailLink.confirm.signUpSubtitle', confirm: 'emailLink.confirm.signUpConfirm' },
  email_address: { title: 'emailLink.confirm.addressTitle', text: 'emailLink.confirm.addressSubtitle', confirm: 'emailLink.confirm.addressConfirm' },
};

/** The words of an outcome: sign-in links keep their own, verification links share theirs. */
function copyOf(kind: LinkKind, outcome: Exclude<Outcome, 'ready'>): Copy {
  if (outcome === 'verified') return { title: 'emailLink.confirm.addressVerifiedTitle', text: 'emailLink.confirm.addressVerified' };
  if (outcome === 'elsewhere') return kind === 'sign_in' ? { title: 'signIn.emailLinkConfirm.elsewhereTitle', text: 'signIn.emailLinkConfirm.elsewhere' } : { title: 'emailLink.confirm.signUpElsewhereTitle', text: 'emailLink.confirm.signUpElsewhere' };
  const title = `signIn.emailLinkConfirm.${outcome}Title` as const;
  return { title, text: kind === 'sign_in' ? `signIn.emailLinkConfirm.${outcome}` : `emailLink.confirm.${outcome}` };
}

export interface EmailLinkConfirmProps {
  /** A sign-in link confirmed in the browser that started the sign-in: it is complete or at its second step. */
  onSignIn: (signIn: StartedSignIn) => Promise<void>;
  /** A sign-up link confirmed in the browser that started the sign-up: complete, or still missing a field. */
  onSignUp: (signUp: StartedSignUp) => Promise<void>;
  /** "Back to sign-in" (or sign-up) under a used, expired or broken link. */
  onBack: () => void;
  backLabel: string;
}

/**
 * The page an emailed link opens — a sign-in link, a sign-up's or an added address's
 * verification link (`__usher_link`, told apart by its id). Nothing happens until the click (a
 * mail scanner's visit consumes nothing). In the browser that started a sign-in or sign-up it
 * completes there; elsewhere it confirms and says to return to the original tab; an address link
 * says the address is verified. Used, expired and broken links each say so. Focus moves to the
 * outcome, which is announced with the card's title.
 */
export function EmailLinkConfirm({ onSignIn, onSignUp, onBack, backLabel }: EmailLinkConfirmProps) {
  const usher = useUsher();
  const { t } = useLocalization();
  const { searchParams } = useRouter();
  const error = useStepError([]);
  const [busy, setBusy] = useState(false);
  const token = linkTokenOf(searchParams);
  const kind = linkKindOf(token ?? '');
  const [outcome, setOutcome] = useState<Outcome>(token ? 'ready' : 'invalid');
  const [address, setAddress] = useState('');
  const card = useRef<HTMLDivElement>(null);
  const done = outcome === 'elsewhere' || outcome === 'verified';
  // An address link has no flow to go back to; a finished one has nothing left to do here.
  const backButton = !done && kind !== 'email_address';

  useEffect(() => {
    // The button that was clicked is gone: the outcome takes the focus (a back button takes it itself).
    if (outcome !== 'ready' && !backButton) card.current?.focus();
  }, [outcome, backButton]);

  const confirm = async () => {
    if (!token) return;
    error.clear();
    setBusy(true);
    try {
      const confirmed = await usher.signIn.confirmEmailLink({ token });
      if (confirmed.sameClient && confirmed.signIn) return await onSignIn(confirmed.signIn);
      if (confirmed.sameClient && confirmed.signUp) return await onSignUp(confirmed.signUp);
      setAddress(confirmed.emailAddress?.emailAddress ?? '');
      setOutcome(confirmed.emailAddress ? 'verified' : 'elsewhere');
    } catch (caught) {
      if (isUsherAPIError(caught) && caught.hasCode('verification_already_verified')) setOutcome('used');
      else if (isUsherAPIError(caught) && caught.hasCode('verification_expired')) setOutcome('expired');
      else if (isUsherAPIError(caught) && caught.hasCode('verification_failed')) setOutcome('invalid');
      else error.report(caught);
    }
    setBusy(false);
  };

  if (outcome === 'ready') {
    const ready = READY[kind];
    return (
      <Card title={t(ready.title)} subtitle={t(ready.text)}>
        {error.alert}
        <Button element="formButtonPrimary" loading={busy} disabled={error.waiting} onClick={() => void confirm()} autoFocus>
          {t(ready.confirm)}
        </Button>
      </Card>
    );
  }
  const copy = copyOf(kind, outcome);
  return (
    <Card ref={card} tabIndex={-1} title={t(copy.title)} subtitle={t(copy.text, { identifier: address })}>
      {!backButton ? null : (
        <Button element="formButtonPrimary" onClick={onBack} autoFocus>
          {backLabel}
        </Button>
      )}
    </Card>
  );
}
