import type { EmailAddress, User } from '@usher/core';
import { useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { MoreIcon, PlusIcon } from '../../primitives/icons.tsx';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '../../primitives/Menu.tsx';
import { OtpInput } from '../../primitives/OtpInput.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';
import { useUserProfileFlow } from './user-profile-context.ts';

const FIELDS = ['email_address', 'code'] as const;

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'verify'; email: EmailAddress } | { kind: 'remove'; email: EmailAddress };

/**
 * The user's email addresses with their badges (primary, unverified) and, per address, a menu:
 * set as primary, verify, remove (never the primary one). Adding asks for the address, sends a
 * code and verifies it inline. Sensitive actions ask the user to confirm it is them first when
 * their last verification is older than 10 minutes.
 */
export function EmailAddressesSection({ user }: { user: User }) {
  const el = useElements();
  const { t } = useLocalization();
  const { guard } = useUserProfileFlow();
  const error = useStepError(FIELDS);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<unknown>, next: Mode | ((result: unknown) => Mode)) => {
    error.clear();
    setBusy(true);
    try {
      const result = await guard(action);
      if (result !== undefined) setMode(typeof next === 'function' ? next(result) : next);
    } catch (caught) {
      error.report(caught);
    }
    setBusy(false);
  };
  const back = () => {
    error.clear();
    setMode({ kind: 'list' });
  };

  const add = () =>
    act(
      async () => {
        const added = await user.createEmailAddress({ email: value });
        return added.prepareVerification();
      },
      (prepared) => ({ kind: 'verify', email: prepared as EmailAddress }),
    );

  return (
    <ProfileSectionFrame id="emailAddresses" title={t('userProfile.start.emailAddressesSection__title')}>
      {mode.kind === 'list' ? error.alert : null}
      <ul {...el('profileSectionItemList', { id: 'emailAddresses' })}>
        {user.emailAddresses.map((email) => {
          const primary = email.id === user.primaryEmailAddressId;
          return (
            <li key={email.id} {...el('profileSectionItem', { id: 'emailAddress' })} data-email-address-id={email.id}>
              <span>
                {email.emailAddress}{' '}
                {primary ? (
                  <span {...el('badge', { id: 'primary' })} data-variant="primary">
                    {t('userProfile.emailAddressesSection.badge__primary')}
                  </span>
                ) : null}{' '}
                {!email.verified ? <span {...el('badge', { id: 'unverified' })}>{t('userProfile.emailAddressesSection.badge__unverified')}</span> : null}
              </span>
              {!primary ? (
                <Menu>
                  <MenuTrigger element="menuButton" aria-label={t('userProfile.emailAddressesSection.actionsLabel', { identifier: email.emailAddress })}>
                    <MoreIcon />
                  </MenuTrigger>
                  <MenuPopover placement="bottom-end">
                    <MenuList>
                      {email.verified ? (
                        <MenuItem elementId="makePrimary" onSelect={() => void act(() => user.update({ primaryEmailAddressId: email.id }), { kind: 'list' })}>
                          {t('userProfile.emailAddressesSection.action__makePrimary')}
                        </MenuItem>
                      ) : (
                        <MenuItem elementId="verify" onSelect={() => void act(() => email.prepareVerification(), (prepared) => ({ kind: 'verify', email: prepared as EmailAddress }))}>
                          {t('userProfile.emailAddressesSection.action__verify')}
                        </MenuItem>
                      )}
                      <MenuItem elementId="remove" onSelect={() => setMode({ kind: 'remove', email })}>
                        {t('userProfile.emailAddressesSection.action__remove')}
                      </MenuItem>
                    </MenuList>
                  </MenuPopover>
                </Menu>
              ) : null}
            </li>
          );
        })}
      </ul>

      {mode.kind === 'list' ? (
        <Button
          variant="ghost"
          element="profileSectionPrimaryButton"
          elementId="emailAddresses"
          onClick={() => {
            setValue('');
            setMode({ kind: 'add' });
          }}
        >
          <PlusIcon /> {t('userProfile.emailAddressesSection.primaryButton')}
        </Button>
      ) : mode.kind === 'add' ? (
        <Form onSubmit={add} loading={busy} aria-label={t('userProfile.emailAddressesSection.addTitle')}>
          <p {...el('headerSubtitle')}>{t('userProfile.emailAddressesSection.addSubtitle')}</p>
          {error.alert}
          <Field name="emailAddress" type="email" autoComplete="email" label={t('formFieldLabel__emailAddress')} value={value} onValueChange={setValue} error={error.fields.email_address} required autoFocus />
          <div {...el('profileSectionActions', { id: 'addEmailAddress' })}>
            <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
              {t('formButtonPrimary')}
            </Button>
            <Button variant="ghost" element="formButtonReset" onClick={back}>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      ) : mode.kind === 'verify' ? (
        <Form onSubmit={() => undefined} loading={busy} aria-label={t('userProfile.emailAddressesSection.verifyTitle')}>
          <p {...el('headerSubtitle')}>{t('userProfile.emailAddressesSection.verifySubtitle', { identifier: mode.email.emailAddress })}</p>
          {error.alert}
          <OtpInput label={t('formFieldLabel__code')} error={error.fields.code} autoFocus onComplete={(code) => void act(() => mode.email.attemptVerification({ code }), { kind: 'list' })} />
          <div {...el('profileSectionActions', { id: 'verifyEmailAddress' })}>
            <Button variant="ghost" element="formButtonReset" onClick={back}>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      ) : (
        <Form onSubmit={() => act(() => mode.email.destroy().then(() => true), { kind: 'list' })} loading={busy} aria-label={t('userProfile.emailAddressesSection.removeTitle')}>
          <p {...el('headerSubtitle')}>{t('userProfile.emailAddressesSection.removeSubtitle', { identifier: mode.email.emailAddress })}</p>
          {error.alert}
          <div {...el('profileSectionActions', { id: 'removeEmailAddress' })}>
            <Button type="submit" element="formButtonPrimary" elementId="danger" loading={busy}>
              {t('userProfile.emailAddressesSection.removeConfirm')}
            </Button>
            <Button variant="ghost" element="formButtonReset" onClick={back}>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      )}
    </ProfileSectionFrame>
  );
}
