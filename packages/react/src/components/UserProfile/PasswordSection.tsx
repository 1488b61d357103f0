import type { User } from '@usher/core';
import { useRef, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Checkbox } from '../../primitives/Checkbox.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { NewPasswordFields } from '../shared/NewPasswordFields.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';
import { useUserProfileFlow } from './user-profile-context.ts';

const FIELDS = ['current_password', 'new_password'] as const;

/**
 * Set or change the password: the current one (when there is one), the new one with the
 * instance's rules shown live, its confirmation, and "Sign out of all other devices" (on by
 * default). An account without a password confirms it is them first.
 */
export function PasswordSection({ user }: { user: User }) {
  const el = useElements();
  const { t } = useLocalization();
  const { guard } = useUserProfileFlow();
  const error = useStepError(FIELDS);
  const [editing, setEditing] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const confirmInput = useRef<HTMLInputElement>(null);

  const open = () => {
    setCurrent('');
    setNext('');
    setConfirm('');
    setMismatch(false);
    setSaved(false);
    error.clear();
    setEditing(true);
  };

  const submit = async () => {
    error.clear();
    if (next !== confirm) {
      setMismatch(true);
      confirmInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const done = await guard(() => user.updatePassword({ ...(user.passwordEnabled ? { currentPassword: current } : {}), newPassword: next, signOutOfOtherSessions: signOutOthers }));
      if (done) {
        setEditing(false);
        setSaved(true);
      }
    } catch (caught) {
      if (error.report(caught) === 'current_password') setCurrent('');
    }
    setBusy(false);
  };

  return (
    <ProfileSectionFrame id="password" title={t('userProfile.start.passwordSection__title')}>
      {saved ? <Alert variant="success">{t('userProfile.passwordSection.saved')}</Alert> : null}
      {!editing ? (
        <div {...el('profileSectionItem', { id: 'password' })}>
          <span>{user.passwordEnabled ? t('userProfile.passwordSection.passwordSet') : t('userProfile.passwordSection.noPassword')}</span>
          <Button variant="ghost" element="profileSectionPrimaryButton" elementId="password" onClick={open}>
            {user.passwordEnabled ? t('userProfile.passwordSection.primaryButton__change') : t('userProfile.passwordSection.primaryButton__set')}
          </Button>
        </div>
      ) : (
        <Form onSubmit={submit} loading={busy} aria-label={t('userProfile.passwordSection.formTitle')}>
          {error.alert}
          {/* The account, hidden, so password managers store the new password for the right login. */}
          <input type="text" name="username" autoComplete="username" value={user.primaryEmailAddress?.emailAddress ?? user.username ?? ''} readOnly hidden />
          {user.passwordEnabled ? (
            <Field name="current_password" type="password" autoComplete="current-password" label={t('formFieldLabel__currentPassword')} value={current} onValueChange={setCurrent} error={error.fields.current_password} required autoFocus />
          ) : null}
          <NewPasswordFields
            name="new_password"
            password={next}
            onPasswordChange={setNext}
            confirm={confirm}
            onConfirmChange={(value) => {
              setConfirm(value);
              if (mismatch && value === next) setMismatch(false);
            }}
            mismatch={mismatch}
            error={error.fields.new_password}
            autoFocus={!user.passwordEnabled}
            confirmRef={confirmInput}
            userInputs={[user.firstName, user.lastName, user.username, user.primaryEmailAddress?.emailAddress]}
          />
          <Checkbox name="sign_out_of_other_sessions" label={t('formFieldLabel__signOutOfOtherSessions')} checked={signOutOthers} onCheckedChange={setSignOutOthers} />
          <div {...el('profileSectionActions', { id: 'password' })}>
            <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
              {t('formButtonPrimary__save')}
            </Button>
            <Button variant="ghost" element="formButtonReset" onClick={() => setEditing(false)}>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      )}
    </ProfileSectionFrame>
  );
}
