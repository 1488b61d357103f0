import { isUsherAPIError, type Session, type SessionVerification } from '@usher/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { OtpInput } from '../../primitives/OtpInput.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';

const FIELDS = ['password', 'code'] as const;

export interface ReverificationProps {
  session: Session;
  onVerified: () => void;
  onCancel: () => void;
}

/**
 * "Confirm it's you", inline above the page: the user's password, or a code emailed to the primary
 * address (whichever the account has; both can be switched between). A right answer unlocks
 * sensitive changes for 10 minutes and the action that asked for it runs again.
 */
export function Reverification({ session, onVerified, onCancel }: ReverificationProps) {
  const el = useElements();
  const { t } = useLocalization();
  const error = useStepError(FIELDS);
  const uid = useId();
  const [round, setRound] = useState<SessionVerification | null>(null);
  const [method, setMethod] = useState<'password' | 'email_code' | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // Sign-in's wording ("could not sign you in") does not fit here.
  const [wrongPassword, setWrongPassword] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void session.startVerification().then(
      (started) => {
        if (!live) return;
        if (started.status === 'complete') return onVerified();
        setRound(started);
        setMethod(started.supportedFirstFactors.some((f) => f.strategy === 'password') ? 'password' : 'email_code');
      },
      (caught: unknown) => live && error.report(caught),
    );
    return () => {
      live = false;
    };
    // Started once per prompt.
  }, []);

  useEffect(() => heading.current?.focus(), [method]);

  const emailFactor = round?.supportedFirstFactors.find((f) => f.strategy === 'email_code');
  const canUsePassword = round?.supportedFirstFactors.some((f) => f.strategy === 'password') ?? false;

  const run = async (attempt: () => Promise<SessionVerification>) => {
    error.clear();
    setWrongPassword(false);
    setBusy(true);
    try {
      const next = await attempt();
      if (next.status === 'complete') return onVerified();
      setRound(next);
    } catch (caught) {
      error.report(caught);
      if (isUsherAPIError(caught) && caught.hasCode('form_password_incorrect')) {
        setWrongPassword(true);
        setPassword('');
      }
    }
    setBusy(false);
  };

  const useCode = () => {
    setMethod('email_code');
    void run(() => session.prepareFirstFactorVerification({ strategy: 'email_code' }));
  };

  return (
    <section {...el('profileSection', { id: 'reverification' })} aria-labelledby={`${uid}-title`} data-testid="usher-reverification">
      <div {...el('profileSectionHeader', { id: 'reverification' })}>
        <h2 {...el('profileSectionTitleText', { id: 'reverification' })} id={`${uid}-title`} ref={heading} tabIndex={-1}>
          {t('userProfile.reverification.title')}
        </h2>
      </div>
      <div {...el('profileSectionContent', { id: 'reverification' })}>
        {error.alert}
        {!round || !method ? (
          <Spinner label={t('loading')} />
        ) : method === 'password' ? (
          <Form onSubmit={() => run(() => session.attemptFirstFactorVerification({ strategy: 'password', password }))} loading={busy}>
            <p {...el('headerSubtitle')}>{t('userProfile.reverification.subtitle__password')}</p>
            <Field name="password" type="password" autoComplete="current-password" label={t('formFieldLabel__password')} value={password} onValueChange={setPassword} error={wrongPassword ? t('userProfile.reverification.passwordIncorrect') : error.fields.password} required autoFocus />
            <div {...el('profileSectionActions', { id: 'reverification' })}>
              <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
                {t('formButtonPrimary')}
              </Button>
              <Button variant="ghost" element="formButtonReset" onClick={onCancel}>
                {t('formButtonReset')}
              </Button>
            </div>
            {emailFactor ? (
              <Button variant="link" element="alternativeMethodsBlockButton" elementId="emailCode" onClick={useCode}>
                {t('userProfile.reverification.action__useCode')}
              </Button>
            ) : null}
          </Form>
        ) : (
          <Form onSubmit={() => undefined} loading={busy}>
            <p {...el('headerSubtitle')}>{t('userProfile.reverification.subtitle__code', { identifier: emailFactor?.safeIdentifier ?? '' })}</p>
            {round.firstFactorVerification ? (
              <OtpInput label={t('formFieldLabel__code')} error={error.fields.code} autoFocus onComplete={(code) => void run(() => session.attemptFirstFactorVerification({ strategy: 'email_code', code }))} />
            ) : (
              <Button element="formButtonPrimary" loading={busy} onClick={useCode}>
                {t('userProfile.reverification.action__useCode')}
              </Button>
            )}
            <div {...el('profileSectionActions', { id: 'reverification' })}>
              <Button variant="ghost" element="formButtonReset" onClick={onCancel}>
                {t('formButtonReset')}
              </Button>
              {canUsePassword ? (
                <Button variant="link" element="alternativeMethodsBlockButton" elementId="password" onClick={() => setMethod('password')}>
                  {t('userProfile.reverification.action__usePassword')}
                </Button>
              ) : null}
            </div>
          </Form>
        )}
      </div>
    </section>
  );
}
