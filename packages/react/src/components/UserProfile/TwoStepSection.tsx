import type { PhoneNumber, User } from '@usher/core';
import { useEffect, useRef, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Form } from '../../primitives/Form.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { BackupCodes } from '../shared/BackupCodes.tsx';
import { TotpSetup } from '../shared/TotpSetup.tsx';
import { TwoStepStyles } from '../shared/TwoStepStyles.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';
import { TwoStepMethods, type MfaSettings, type PhoneChange } from './TwoStepMethods.tsx';
import { USER_PROFILE_ROUTES, useUserProfileFlow } from './user-profile-context.ts';

type Mode =
  | { kind: 'list' }
  | { kind: 'setupTotp' }
  | { kind: 'removeTotp' }
  /** Backup codes to show once; `then` is the notice after "I've saved my codes". */
  | { kind: 'backupCodes'; codes: readonly string[]; then: string | null };

/**
 * "Two-step verification" on the Security page (when the instance offers authenticator apps or
 * SMS codes): the methods and their actions, the authenticator setup inline, backup codes shown
 * once when they are made, and a warning while an instance that requires 2-step verification
 * finds none. Every change asks the user to confirm it is them when their last verification is
 * older than 10 minutes.
 */
export function TwoStepSection({ user, mfa }: { user: User; mfa: MfaSettings }) {
  const el = useElements();
  const { t } = useLocalization();
  const { guard } = useUserProfileFlow();
  const { navigate } = useRouter();
  const error = useStepError([]);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  // Focus goes back to the section's title when a panel closes (its trigger may be gone).
  const returning = useRef(false);

  useEffect(() => {
    if (mode.kind !== 'list' || !returning.current) return;
    returning.current = false;
    title.current?.focus();
  }, [mode]);

  const back = (message: string | null) => {
    error.clear();
    setNotice(message);
    returning.current = true;
    setMode({ kind: 'list' });
  };

  /** Runs a sensitive call through the re-verification guard; `after` sees its result unless the user cancelled. */
  const act = async <T,>(action: () => Promise<T>, after: (result: T) => void) => {
    error.clear();
    setNotice(null);
    setBusy(true);
    try {
      const result = await guard(action);
      if (result !== undefined) after(result);
    } catch (caught) {
      error.report(caught);
    }
    setBusy(false);
  };

  const open = (next: Mode) => {
    error.clear();
    setNotice(null);
    setMode(next);
  };

  const changePhone = (phone: PhoneNumber, change: PhoneChange) => {
    const identifier = phone.phoneNumber;
    if (change === 'makeDefault') return void act(() => phone.update({ defaultSecondFactor: true }), () => setNotice(t('twoStepProfile.sms.madeDefault', { identifier })));
    if (change === 'stop') return void act(() => phone.update({ reservedForSecondFactor: false }), () => setNotice(t('twoStepProfile.sms.released', { identifier })));
    void act(
      () => phone.update({ reservedForSecondFactor: true }),
      (reserved) => {
        const message = t('twoStepProfile.sms.reserved', { identifier });
        // The account's first second factor: its backup codes come with it, to show once.
        if (reserved.backupCodes?.length) setMode({ kind: 'backupCodes', codes: reserved.backupCodes, then: message });
        else setNotice(message);
      },
    );
  };

  const onlyFactor = user.totpEnabled && !(mfa.phoneCode && user.phoneNumbers.some((p) => p.verified && p.reservedForSecondFactor));

  return (
    <ProfileSectionFrame id="twoStep" title={t('twoStepProfile.title')} titleRef={title}>
      <TwoStepStyles />
      {mfa.required && !user.twoFactorEnabled ? <Alert variant="warning">{t('twoStepProfile.required')}</Alert> : null}
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      {mode.kind === 'setupTotp' ? null : error.alert}
      {mode.kind === 'list' ? (
        <>
          <p {...el('headerSubtitle', { id: 'twoStep' })}>{t('twoStepProfile.description')}</p>
          <div aria-busy={busy || undefined}>
            <TwoStepMethods
              user={user}
              mfa={mfa}
              onAddTotp={() => open({ kind: 'setupTotp' })}
              onRemoveTotp={() => open({ kind: 'removeTotp' })}
              onPhone={changePhone}
              onRegenerate={() => void act(() => user.createBackupCodes(), ({ codes }) => setMode({ kind: 'backupCodes', codes, then: null }))}
              onGoToProfile={() => void navigate(USER_PROFILE_ROUTES.account)}
            />
          </div>
        </>
      ) : mode.kind === 'setupTotp' ? (
        <TotpSetup user={user} run={async (fn) => (await guard(fn)) ?? null} onDone={() => back(t('twoStepProfile.totp.added'))} onCancel={() => back(null)} />
      ) : mode.kind === 'removeTotp' ? (
        <Form
          onSubmit={() =>
            act(
              () => user.disableTotp().then(() => true),
              () => back(t('twoStepProfile.totp.removed')),
            )
          }
          loading={busy}
          aria-label={t('twoStepProfile.totp.removeTitle')}
        >
          <p {...el('headerSubtitle', { id: 'removeTotp' })}>{onlyFactor ? t('twoStepProfile.totp.removeSubtitle__last') : t('twoStepProfile.totp.removeSubtitle')}</p>
          <div {...el('profileSectionActions', { id: 'removeTotp' })}>
            <Button type="submit" element="formButtonPrimary" elementId="danger" loading={busy} disabled={error.waiting}>
              {t('twoStepProfile.totp.removeConfirm')}
            </Button>
            {/* Focus starts on the way out, not on the destructive action. */}
            <Button variant="ghost" element="formButtonReset" onClick={() => back(null)} autoFocus>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      ) : (
        <BackupCodes codes={mode.codes} onDone={() => back(mode.then)} />
      )}
    </ProfileSectionFrame>
  );
}
