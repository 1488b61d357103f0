import { isUsherAPIError, type Totp, type User } from '@usher/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Form } from '../../primitives/Form.tsx';
import { OtpInput } from '../../primitives/OtpInput.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { BackupCodes } from './BackupCodes.tsx';
import { CopyButton } from './CopyButton.tsx';
import { QrCode, type QrMatrixLoader } from './QrCode.tsx';
import { TwoStepStyles } from './TwoStepStyles.tsx';

const FIELDS = ['code'] as const;
const CODE_LENGTH = 6;

export interface TotpSetupProps {
  /** The signed-in user who sets the app up. */
  user: User;
  /**
   * Runs each API call; answers null when the user gave up (e.g. cancelled a "confirm it's you"
   * prompt). UserProfile passes its re-verification guard. Default: calls it directly.
   */
  run?: <T>(fn: () => Promise<T>) => Promise<T | null>;
  /** The app is on. `backupCodes` are the codes the user was just shown (first second factor), else null. */
  onDone: (backupCodes: readonly string[] | null) => void;
  /** Shows a Cancel button; also called when `run` answers null for the start of the setup. */
  onCancel?: () => void;
  /** The panel title's heading level (3 inside a profile section, 2 on a card). Default 3. */
  headingLevel?: 2 | 3;
  /** @internal where the QR code's modules come from (tests). */
  loadQrCode?: QrMatrixLoader;
}

const direct = <T,>(fn: () => Promise<T>): Promise<T | null> => fn();

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`: blocks of 4 are easier to type and to check. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Setting up an authenticator app: starts the setup when it mounts (`user.createTotp()`), shows
 * numbered steps with the QR code, the setup key in blocks of 4 with "Copy key", and a code
 * input (a pasted or autofilled code submits at once). A wrong code is said on the field, which
 * is cleared and focused again. When the app was the account's first second factor, the backup
 * codes it came with are shown before `onDone`. Shared by UserProfile and by sign-in's required
 * setup step.
 *
 * @example <TotpSetup user={user} run={guardOrNull} onDone={() => setMode('list')} onCancel={() => setMode('list')} />
 */
export function TotpSetup({ user, run = direct, onDone, onCancel, headingLevel = 3, loadQrCode }: TotpSetupProps) {
  const el = useElements();
  const { t } = useLocalization();
  const error = useStepError(FIELDS);
  const uid = useId();
  const [totp, setTotp] = useState<Totp | null>(null);
  const [backupCodes, setBackupCodes] = useState<readonly string[] | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const otp = useRef<HTMLInputElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    let live = true;
    run(() => user.createTotp()).then(
      (started) => {
        if (!live) return;
        if (started === null) return onCancel?.();
        setTotp(started);
      },
      (caught: unknown) => live && error.report(caught),
    );
    return () => {
      live = false;
    };
    // Started once per setup: a new user snapshot (any change to the account) must not restart it.
  }, []);

  // Screen readers start at the title and read the steps in order; the code input is one Tab away.
  useEffect(() => {
    if (totp) heading.current?.focus();
  }, [totp]);

  const refuse = (message: string | null) => {
    setCodeError(message);
    setCode('');
    otp.current?.focus();
  };

  const verify = async (value: string) => {
    if (busy) return;
    error.clear();
    setCodeError(null);
    if (value.length !== CODE_LENGTH) return refuse(t('errors.form_param_format_invalid__code'));
    setBusy(true);
    try {
      const done = await run(() => user.verifyTotp({ code: value }));
      setBusy(false);
      if (done === null) return;
      if (done.backupCodes?.length) setBackupCodes(done.backupCodes);
      else onDone(null);
    } catch (caught) {
      setBusy(false);
      const field = error.report(caught);
      // The generic wording ("check the latest email") does not fit an app's code.
      if (isUsherAPIError(caught) && caught.hasCode('form_code_incorrect')) refuse(t('twoStepProfile.totpSetup.codeIncorrect'));
      else if (field) refuse(null);
    }
  };

  if (backupCodes) return <BackupCodes codes={backupCodes} onDone={() => onDone(backupCodes)} headingLevel={headingLevel} />;

  const title = t('twoStepProfile.totpSetup.title');
  const cancel = onCancel ? (
    <Button variant="ghost" element="formButtonReset" onClick={onCancel}>
      {t('formButtonReset')}
    </Button>
  ) : null;

  return (
    <section {...el('totpSetup')} aria-labelledby={`${uid}-title`} aria-busy={(!totp && !error.alert) || undefined}>
      <TwoStepStyles />
      <Heading {...el('headerTitle', { id: 'totpSetup' })} id={`${uid}-title`} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      {error.alert}
      {!totp ? (
        <>
          {error.alert ? null : <Spinner label={t('loading')} />}
          {error.alert && cancel ? <div {...el('totpSetupActions')}>{cancel}</div> : null}
        </>
      ) : (
        <Form onSubmit={() => verify(code)} loading={busy} aria-labelledby={`${uid}-title`}>
          <ol {...el('totpSetupSteps')}>
            <li {...el('totpSetupStep', { id: 'install' })}>
              <p>{t('twoStepProfile.totpSetup.step__install')}</p>
            </li>
            <li {...el('totpSetupStep', { id: 'scan' })}>
              <p>{t('twoStepProfile.totpSetup.step__scan')}</p>
              {totp.uri ? <QrCode value={totp.uri} label={t('twoStepProfile.totpSetup.qrLabel')} load={loadQrCode} /> : null}
              {totp.secret ? (
                <div {...el('totpSetupManual')}>
                  <p>{t('twoStepProfile.totpSetup.manualTitle')}</p>
                  <code {...el('totpSetupSecret')} data-testid="usher-totp-secret">
                    {groupSecret(totp.secret)}
                  </code>
                  <div {...el('totpSetupActions', { id: 'copy' })}>
                    <CopyButton text={totp.secret} elementId="totpSecret">
                      {t('twoStepProfile.totpSetup.copyKey')}
                    </CopyButton>
                  </div>
                </div>
              ) : null}
            </li>
            <li {...el('totpSetupStep', { id: 'code' })}>
              <p>{t('twoStepProfile.totpSetup.step__code')}</p>
              <OtpInput
                ref={otp}
                length={CODE_LENGTH}
                label={t('twoStepProfile.totpSetup.codeLabel')}
                value={code}
                onValueChange={(next) => {
                  setCode(next);
                  if (codeError) setCodeError(null);
                }}
                onComplete={(complete) => void verify(complete)}
                error={codeError ?? error.fields.code}
              />
            </li>
          </ol>
          <div {...el('totpSetupActions')}>
            <Button type="submit" element="formButtonPrimary" elementId="totpVerify" loading={busy} disabled={error.waiting}>
              {t('twoStepProfile.totpSetup.verify')}
            </Button>
            {cancel}
          </div>
        </Form>
      )}
    </section>
  );
}
