import type { EmailAddress, User } from '@usher/core';
import { useEffect, useRef } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Form } from '../../primitives/Form.tsx';
import { ResendLink } from '../../primitives/ResendLink.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';

/** How often the profile asks whether the link was opened. */
const POLL_MS = 2000;

export interface EmailLinkWaitingProps {
  user: User;
  email: EmailAddress;
  /** Sends the address a new link (the resend). */
  resend: () => Promise<unknown>;
  /** The link was opened and confirmed, on this device or another one. */
  onVerified: (email: EmailAddress) => void;
  /** Instances that also verify with codes: "Enter a code instead". */
  onUseCode?: (() => void) | undefined;
  onCancel: () => void;
}

/**
 * UserProfile's "check your email" for an added address: the link verifies it on any device it is
 * opened on (it is bound to the address, not to this session), so the section reloads the user
 * every 2 s and goes on by itself once the address shows verified.
 */
export function EmailLinkWaiting({ user, email, resend, onVerified, onUseCode, onCancel }: EmailLinkWaitingProps) {
  const el = useElements();
  const { t } = useLocalization();
  const error = useStepError([]);
  const latest = useRef({ user, onVerified, onCancel });
  latest.current = { user, onVerified, onCancel };

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(() => {
      void (async () => {
        try {
          const fresh = await latest.current.user.reload();
          if (stopped) return;
          const found = fresh.emailAddresses.find((e) => e.id === email.id);
          if (!found) latest.current.onCancel();
          else if (found.verified) latest.current.onVerified(found);
        } catch (caught) {
          if (!stopped) error.report(caught);
        }
      })();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [email.id, error.report]);

  const send = async () => {
    error.clear();
    try {
      await resend();
    } catch (caught) {
      error.report(caught);
      throw caught;
    }
  };

  return (
    <Form onSubmit={() => undefined} aria-label={t('emailLink.profile.linkTitle')}>
      <p {...el('headerSubtitle')}>{t('emailLink.profile.linkSubtitle', { identifier: email.emailAddress })}</p>
      {error.alert}
      <p role="status">
        <Spinner decorative /> {t('emailLink.profile.waiting')}
      </p>
      <ResendLink onResend={send} prompt={t('emailLink.profile.resendPrompt')} />
      <div {...el('profileSectionActions', { id: 'emailLink' })}>
        {onUseCode ? (
          <Button variant="ghost" element="formButtonReset" elementId="email_code" onClick={onUseCode}>
            {t('emailLink.profile.useCode')}
          </Button>
        ) : null}
        <Button variant="ghost" element="formButtonReset" onClick={onCancel} autoFocus>
          {t('formButtonReset')}
        </Button>
      </div>
    </Form>
  );
}
