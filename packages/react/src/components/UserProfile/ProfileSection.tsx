import type { User } from '@usher/core';
import { useRef, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { displayName } from '../UserAvatar/avatar-choice.ts';
import { UserAvatarView } from '../UserAvatar/UserAvatarView.tsx';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';

const FIELDS = ['first_name', 'last_name', 'username', 'file'] as const;
const IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif';

/**
 * Avatar and name. "Update profile" opens the form: upload or remove the image (applied at once;
 * the SDK resizes it to 512 px first), first and last name (when the instance collects them).
 */
export function ProfileSection({ user }: { user: User }) {
  const el = useElements();
  const { t } = useLocalization();
  const { environment } = useUsherSnapshot();
  const error = useStepError(FIELDS);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<'image' | 'save' | null>(null);
  const [firstName, setFirstName] = useState(user.firstName ?? '');
  const [lastName, setLastName] = useState(user.lastName ?? '');
  const [username, setUsername] = useState(user.username ?? '');
  const [saved, setSaved] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const attributes = environment?.userSettings.attributes;
  const defaultAvatar = environment?.displayConfig.defaultAvatar ?? 'marble';

  const act = async (kind: 'image' | 'save', action: () => Promise<unknown>, after?: () => void) => {
    error.clear();
    setSaved(false);
    setBusy(kind);
    try {
      await action();
      after?.();
    } catch (caught) {
      error.report(caught);
    }
    setBusy(null);
  };

  const open = () => {
    setFirstName(user.firstName ?? '');
    setLastName(user.lastName ?? '');
    setUsername(user.username ?? '');
    error.clear();
    setSaved(false);
    setEditing(true);
  };

  return (
    <ProfileSectionFrame id="profile" title={t('userProfile.start.profileSection__title')}>
      {saved ? <Alert variant="success">{t('userProfile.profileSection.saved')}</Alert> : null}
      {!editing ? (
        <div {...el('profileSectionItem', { id: 'profile' })}>
          <span {...el('userPreview')}>
            <UserAvatarView user={user} defaultAvatar={defaultAvatar} element="userPreviewAvatarBox" decorative />
            <span {...el('userPreviewMainIdentifier')}>{displayName(user)}</span>
          </span>
          <Button variant="ghost" element="profileSectionPrimaryButton" elementId="profile" onClick={open}>
            {t('userProfile.profileSection.primaryButton')}
          </Button>
        </div>
      ) : (
        <Form
          loading={busy === 'save'}
          aria-label={t('userProfile.profileSection.title')}
          onSubmit={() =>
            act(
              'save',
              () =>
                user.update({
                  ...(attributes?.firstName.enabled ? { firstName } : {}),
                  ...(attributes?.lastName.enabled ? { lastName } : {}),
                  ...(attributes?.username.enabled ? { username: username.trim() === '' && !attributes.username.required ? null : username } : {}),
                }),
              () => {
                setEditing(false);
                setSaved(true);
              },
            )
          }
        >
          {error.alert}
          <div {...el('profileSectionItem', { id: 'profileImage' })}>
            <UserAvatarView user={user} defaultAvatar={defaultAvatar} element="userPreviewAvatarBox" />
            <div {...el('profileSectionActions', { id: 'profileImage' })}>
              <input
                ref={fileInput}
                type="file"
                accept={IMAGE_TYPES}
                hidden
                aria-label={t('userProfile.profileSection.imageUpload')}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void act('image', () => user.setProfileImage({ file }));
                }}
              />
              <Button variant="secondary" element="formButtonSecondary" elementId="uploadImage" loading={busy === 'image'} onClick={() => fileInput.current?.click()}>
                {t('userProfile.profileSection.imageUpload')}
              </Button>
              {user.hasImage ? (
                <Button variant="ghost" element="formButtonReset" elementId="removeImage" disabled={busy !== null} onClick={() => void act('image', () => user.setProfileImage({ file: null }))}>
                  {t('userProfile.profileSection.imageRemove')}
                </Button>
              ) : null}
            </div>
          </div>
          <p {...el('formFieldHintText', { id: 'profileImage' })}>{error.fields.file ?? t('userProfile.profileSection.imageHint')}</p>
          {attributes?.firstName.enabled ? (
            <Field name="firstName" autoComplete="given-name" label={t('formFieldLabel__firstName')} value={firstName} onValueChange={setFirstName} error={error.fields.first_name} optional={!attributes.firstName.required} />
          ) : null}
          {attributes?.lastName.enabled ? (
            <Field name="lastName" autoComplete="family-name" label={t('formFieldLabel__lastName')} value={lastName} onValueChange={setLastName} error={error.fields.last_name} optional={!attributes.lastName.required} />
          ) : null}
          {attributes?.username.enabled ? (
            <Field name="username" autoComplete="username" label={t('formFieldLabel__username')} value={username} onValueChange={setUsername} error={error.fields.username} optional={!attributes.username.required} />
          ) : null}
          <div {...el('profileSectionActions', { id: 'profile' })}>
            <Button type="submit" element="formButtonPrimary" loading={busy === 'save'}>
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
