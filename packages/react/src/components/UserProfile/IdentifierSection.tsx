import { isUsherAPIError, type EmailAddress, type PhoneNumber, type User } from '@usher/core';
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
import type { enUS } from '../../localization/en-US.ts';
import type { LocalizationKey } from '../../localization/types.ts';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';
import { useUserProfileFlow } from './user-profile-context.ts';
import { EmailLinkWaiting } from './EmailLinkWaiting.tsx';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { signInLinkPageUrl } from '../SignIn/email-link-landing.ts';
import { verificationWays } from '../SignUp/sign-up-link.ts';

const FIELDS = ['email_address', 'phone_number', 'code'] as const;

type Identifier = EmailAddress | PhoneNumber;
type Mode =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'verify'; email: Identifier }
  | { kind: 'link'; email: EmailAddress }
  | { kind: 'linked'; email: EmailAddress }
  | { kind: 'remove'; email: Identifier };

/** What differs between the email and the phone section: their items, field and words. */
interface IdentifierKind {
  id: 'emailAddresses' | 'phoneNumbers';
  copy: 'emailAddressesSection' | 'phoneNumbersSection';
  field: 'email_address' | 'phone_number';
  items: (user: User) => readonly Identifier[];
  primaryId: (user: User) => string | null;
  text: (item: Identifier) => string;
  create: (user: User, value: string) => Promise<Identifier>;
  makePrimary: (user: User, id: string) => Promise<unknown>;
  input: { name: string; type: 'email' | 'tel'; autoComplete: string; label: 'formFieldLabel__emailAddress' | 'formFieldLabel__phoneNumber' };
  /** Whether the primary item offers "Remove" (numbers: yes; the primary email address: never). */
  primaryRemovable: boolean;
}

const EMAIL: IdentifierKind = {
  id: 'emailAddresses',
  copy: 'emailAddressesSection',
  field: 'email_address',
  items: (user) => user.emailAddresses,
  primaryId: (user) => user.primaryEmailAddressId,
  text: (item) => (item as EmailAddress).emailAddress,
  create: (user, value) => user.createEmailAddress({ email: value }),
  makePrimary: (user, id) => user.update({ primaryEmailAddressId: id }),
  input: { name: 'emailAddress', type: 'email', autoComplete: 'email', label: 'formFieldLabel__emailAddress' },
  primaryRemovable: false,
};

const PHONE: IdentifierKind = {
  id: 'phoneNumbers',
  copy: 'phoneNumbersSection',
  field: 'phone_number',
  items: (user) => user.phoneNumbers,
  primaryId: (user) => user.primaryPhoneNumberId,
  text: (item) => (item as PhoneNumber).phoneNumber,
  create: (user, value) => user.createPhoneNumber({ phoneNumber: value }),
  makePrimary: (user, id) => user.update({ primaryPhoneNumberId: id }),
  input: { name: 'phoneNumber', type: 'tel', autoComplete: 'tel', label: 'formFieldLabel__phoneNumber' },
  primaryRemovable: true,
};

export function EmailAddressesSection({ user }: { user: User }) {
  return <IdentifierSection user={user} kind={EMAIL} />;
}

export function PhoneNumbersSection({ user }: { user: User }) {
  return <IdentifierSection user={user} kind={PHONE} />;
}

/**
 * The user's email addresses (or phone numbers) with their badges (primary, unverified) and, per
 * item, a menu: set as primary, verify, remove (never the primary one). Adding asks for the value,
 * sends a code (email or SMS) and verifies it inline — or, for an address on an instance with
 * verification links, a link ("Send a link instead", or links only), then waits for it to be opened. Sensitive actions ask the user to confirm it
 * is them first when their last verification is older than 10 minutes.
 */
function IdentifierSection({ user, kind }: { user: User; kind: IdentifierKind }) {
  const el = useElements();
  const { t } = useLocalization();
  const { guard } = useUserProfileFlow();
  const { environment } = useUsherSnapshot();
  // Email addresses are verified the ways the instance allows: a code, a link, or either (codes first).
  const ways = kind.id === 'emailAddresses' ? verificationWays(environment) : { codes: true, links: false };
  const error = useStepError(FIELDS);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  // Sign-up's wording for a taken address ("cannot be used to create a new account") does not fit here.
  const [taken, setTaken] = useState(false);

  const act = async (action: () => Promise<unknown>, next: Mode | ((result: unknown) => Mode)) => {
    error.clear();
    setTaken(false);
    setBusy(true);
    try {
      const result = await guard(action);
      if (result !== undefined) setMode(typeof next === 'function' ? next(result) : next);
    } catch (caught) {
      error.report(caught);
      setTaken(isUsherAPIError(caught) && caught.hasCode('form_identifier_exists'));
    }
    setBusy(false);
  };
  const back = () => {
    error.clear();
    setMode({ kind: 'list' });
  };

  const sendLink = (item: Identifier) => (item as EmailAddress).prepareVerification({ strategy: 'email_link', redirectUrl: signInLinkPageUrl(environment?.displayConfig.signInUrl ?? '/sign-in') });
  /** Sends the code, or the link on an instance that verifies with links only; the step that waits for it. */
  const prepare = async (item: Identifier): Promise<Mode> => (ways.codes ? { kind: 'verify', email: await item.prepareVerification() } : { kind: 'link', email: await sendLink(item) });
  const add = () =>
    act(
      async () => prepare(await kind.create(user, value)),
      (next) => next as Mode,
    );
  const c = (key: keyof (typeof enUS)['userProfile']['emailAddressesSection']): LocalizationKey => `userProfile.${kind.copy}.${key}`;

  return (
    <ProfileSectionFrame id={kind.id} title={t(`userProfile.start.${kind.id}Section__title`)}>
      {mode.kind === 'list' ? error.alert : null}
      <ul {...el('profileSectionItemList', { id: kind.id })}>
        {kind.items(user).map((email) => {
          const primary = email.id === kind.primaryId(user);
          return (
            <li key={email.id} {...el('profileSectionItem', { id: kind.field })} data-identifier-id={email.id}>
              <span>
                {kind.text(email)}{' '}
                {primary ? (
                  <span {...el('badge', { id: 'primary' })} data-variant="primary">
                    {t(c('badge__primary'))}
                  </span>
                ) : null}{' '}
                {!email.verified ? <span {...el('badge', { id: 'unverified' })}>{t(c('badge__unverified'))}</span> : null}
              </span>
              {/* The primary email stays (the way to sign in); a primary number may go when it is the last one (the server says otherwise). */}
              {!primary || kind.primaryRemovable ? (
                <Menu>
                  <MenuTrigger element="menuButton" aria-label={t(c('actionsLabel'), { identifier: kind.text(email) })}>
                    <MoreIcon />
                  </MenuTrigger>
                  <MenuPopover placement="bottom-end">
                    <MenuList>
                      {primary ? null : email.verified ? (
                        <MenuItem elementId="makePrimary" onSelect={() => void act(() => kind.makePrimary(user, email.id), { kind: 'list' })}>
                          {t(c('action__makePrimary'))}
                        </MenuItem>
                      ) : (
                        <MenuItem elementId="verify" onSelect={() => void act(() => prepare(email), (next) => next as Mode)}>
                          {t(c('action__verify'))}
                        </MenuItem>
                      )}
                      <MenuItem elementId="remove" onSelect={() => setMode({ kind: 'remove', email })}>
                        {t(c('action__remove'))}
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
          elementId={kind.id}
          onClick={() => {
            setValue('');
            setMode({ kind: 'add' });
          }}
        >
          <PlusIcon /> {t(c('primaryButton'))}
        </Button>
      ) : mode.kind === 'add' ? (
        <Form onSubmit={add} loading={busy} aria-label={t(c('addTitle'))}>
          <p {...el('headerSubtitle')}>{t(c('addSubtitle'))}</p>
          {error.alert}
          <Field name={kind.input.name} type={kind.input.type} autoComplete={kind.input.autoComplete} label={t(kind.input.label)} value={value} onValueChange={setValue} error={taken ? t(c('taken')) : error.fields[kind.field]} required autoFocus />
          <div {...el('profileSectionActions', { id: `add-${kind.id}` })}>
            <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
              {t('formButtonPrimary')}
            </Button>
            <Button variant="ghost" element="formButtonReset" onClick={back}>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      ) : mode.kind === 'verify' ? (
        <Form onSubmit={() => undefined} loading={busy} aria-label={t(c('verifyTitle'))}>
          <p {...el('headerSubtitle')}>{t(c('verifySubtitle'), { identifier: kind.text(mode.email) })}</p>
          {error.alert}
          <OtpInput label={t('formFieldLabel__code')} error={error.fields.code} autoFocus onComplete={(code) => void act(() => mode.email.attemptVerification({ code }), { kind: 'list' })} />
          <div {...el('profileSectionActions', { id: `verify-${kind.id}` })}>
            {ways.links ? (
              <Button variant="ghost" element="formButtonReset" elementId="email_link" onClick={() => void act(() => sendLink(mode.email), (sent) => ({ kind: 'link', email: sent as EmailAddress }))}>
                {t('emailLink.profile.useLink')}
              </Button>
            ) : null}
            <Button variant="ghost" element="formButtonReset" onClick={back}>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      ) : mode.kind === 'link' ? (
        <EmailLinkWaiting
          user={user}
          email={mode.email}
          resend={() => sendLink(mode.email)}
          onVerified={(email) => setMode({ kind: 'linked', email })}
          onUseCode={ways.codes ? () => void act(() => mode.email.prepareVerification(), (prepared) => ({ kind: 'verify', email: prepared as Identifier })) : undefined}
          onCancel={back}
        />
      ) : mode.kind === 'linked' ? (
        <div {...el('profileSectionActions', { id: `linked-${kind.id}` })}>
          <Alert variant="success">{t('emailLink.profile.verified', { identifier: mode.email.emailAddress })}</Alert>
          <Button element="formButtonPrimary" onClick={back} autoFocus>
            {t('emailLink.profile.done')}
          </Button>
        </div>
      ) : (
        <Form onSubmit={() => act(() => mode.email.destroy().then(() => true), { kind: 'list' })} loading={busy} aria-label={t(c('removeTitle'))}>
          <p {...el('headerSubtitle')}>{t(c('removeSubtitle'), { identifier: kind.text(mode.email) })}</p>
          {error.alert}
          <div {...el('profileSectionActions', { id: `remove-${kind.id}` })}>
            <Button type="submit" element="formButtonPrimary" elementId="danger" loading={busy}>
              {t(c('removeConfirm'))}
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
