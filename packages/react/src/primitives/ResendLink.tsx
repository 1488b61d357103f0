import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react';
import { useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';

export interface ResendLinkProps extends Omit<HTMLAttributes<HTMLParagraphElement>, 'children'> {
  /** Seconds to wait before the first resend and between resends. Default 30 (the API's limit). */
  seconds?: number;
  /** Sends a new code; the countdown restarts when it resolves. A rejection leaves the link enabled. */
  onResend: () => unknown;
  /** Text before the link; default "Didn't receive a code?". `null` hides it. */
  prompt?: string | null;
}

/**
 * "Didn't receive a code? Resend (28)" → "Resend". While counting down the button stays
 * focusable (aria-disabled) so focus is never dropped; screen readers hear one polite message
 * when resending becomes possible, not a tick every second.
 *
 * @example <ResendLink onResend={() => signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId })} />
 */
export const ResendLink = forwardRef<HTMLParagraphElement, ResendLinkProps>(function ResendLink({ seconds = 30, onResend, prompt, className, ...rest }, ref) {
  const el = useElements();
  const { t } = useLocalization();
  // Starts at `seconds` on the server and in the first client render (hydration-safe); the
  // deadline is taken from the clock on mount, so a slow tab never makes the wait shorter than asked.
  const [remaining, setRemaining] = useState(seconds);
  const [round, setRound] = useState(0);
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState<'available' | 'sent' | null>(null);
  const waiting = remaining > 0;

  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    const update = () => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) setAnnouncement('available');
      return left;
    };
    if (update() === 0) return;
    const timer = setInterval(() => {
      if (update() === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, round]);

  const resend = async () => {
    if (waiting || pending) return;
    setPending(true);
    try {
      await onResend();
      setRound((r) => r + 1);
      setAnnouncement('sent');
    } catch {
      // The flow shows the error (an Alert); keeping the link enabled lets the user try again.
    } finally {
      setPending(false);
    }
  };

  const text = prompt === undefined ? t('resendCode.prompt') : prompt;
  return (
    <p ref={ref} {...rest} {...el('formResendCodeText', { className })}>
      {text ? <>{text} </> : null}
      <button type="button" {...el('formResendCodeLink', { state: waiting ? 'disabled' : pending ? 'loading' : undefined })} aria-disabled={waiting || pending || undefined} aria-busy={pending || undefined} data-state={waiting ? 'waiting' : pending ? 'loading' : 'ready'} onClick={resend}>
        {waiting ? t('resendCode.countdown', { seconds: remaining }) : t('resendCode.action')}
      </button>
      <span className="usher-srOnly" aria-live="polite">
        {announcement ? t(announcement === 'sent' ? 'resendCode.sent' : 'resendCode.available') : ''}
      </span>
    </p>
  );
});
