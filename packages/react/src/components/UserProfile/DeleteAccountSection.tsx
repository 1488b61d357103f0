import type { User } from '@usher/core';
import { useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';
import { useUserProfileFlow } from './user-profile-context.ts';

/**
 * Deleting the account (shown only when the instance allows it): the user types a phrase to
 * confirm, confirms it is them if their last verification is older than 10 minutes, and is
 * signed out once the account is gone.
 */
export function DeleteAccountSection({ user }: { user: User }) {
  const el = useElements();
  const { t } = useLocalization();
  const { guard } = useUserProfileFlow();
  const error = useStepError([]);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const phrase = t('userProfile.deleteSection.confirmPhrase');
  const matches = typed.trim().toLowerCase() === phrase.toLowerCase();

  const remove = async () => {
    if (!matches) return;
    error.clear();
    setBusy(true);
    try {
      await guard(async () => {
        await user.delete();
        return true;
      });
    } catch (caught) {
      error.report(caught);
    }
    setBusy(false);
  };

  return (
    <ProfileSectionFrame id="danger" title={t('userProfile.start.dangerSection__title')}>
      <p {...el('headerSubtitle', { id: 'danger' })}>{t('userProfile.deleteSection.description')}</p>
      {!confirming ? (
        <div {...el('profileSectionActions', { id: 'danger' })}>
          <Button variant="secondary" element="profileSectionPrimaryButton" elementId="danger" onClick={() => setConfirming(true)}>
            {t('userProfile.deleteSection.primaryButton')}
          </Button>
        </div>
      ) : (
        <Form onSubmit={remove} loading={busy} aria-label={t('userProfile.deleteSection.primaryButton')}>
          {error.alert}
          <Field name="confirmDeletion" autoComplete="off" label={t('userProfile.deleteSection.confirmLabel', { phrase })} value={typed} onValueChange={setTyped} required autoFocus />
          <div {...el('profileSectionActions', { id: 'confirmDeletion' })}>
            <Button type="submit" element="formButtonPrimary" elementId="danger" loading={busy} disabled={!matches}>
              {t('userProfile.deleteSection.confirmButton')}
            </Button>
            <Button variant="ghost" element="formButtonReset" onClick={() => setConfirming(false)}>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      )}
    </ProfileSectionFrame>
  );
}
