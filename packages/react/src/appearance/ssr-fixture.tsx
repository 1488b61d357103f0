import { AppearanceScope } from './AppearanceScope.tsx';
import { Avatar } from '../primitives/Avatar.tsx';
import { Button } from '../primitives/Button.tsx';
import { Card, CardFooterAction } from '../primitives/Card.tsx';
import { Divider } from '../primitives/Divider.tsx';
import { Field } from '../primitives/Field.tsx';
import { Form } from '../primitives/Form.tsx';
import { IdentityPreview } from '../primitives/IdentityPreview.tsx';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '../primitives/Menu.tsx';
import { OtpInput } from '../primitives/OtpInput.tsx';
import { ResendLink } from '../primitives/ResendLink.tsx';
import { useLocalization } from '../localization/use-localization.ts';
import { useRouter } from '../router/RouterProvider.tsx';

/** A sign-in-like tree using every primitive, shared by the server-render and hydration specs. */
export function SignInLikeTree() {
  const { t } = useLocalization();
  const { route } = useRouter();
  return (
    <AppearanceScope component="signIn" appearance={{ elements: { card: { borderWidth: 2 }, formButtonPrimary: 'btn-brand' }, layout: { logoImageUrl: '/logo.svg', privacyPageUrl: '/privacy' } }}>
      <Card title={t('signIn.start.title')} subtitle={t('signIn.start.subtitle')} footer={<CardFooterAction text={t('signIn.start.actionText')} link={t('signIn.start.actionLink')} href="/sign-up" />}>
        <p data-testid="route">route:{route || 'start'}</p>
        <IdentityPreview identifier="ada@example.com" avatar={{ name: 'Ada Lovelace', fallback: 'marble' }} onEdit={() => undefined} />
        <Divider />
        <Form>
          <Field name="identifier" label={t('formFieldLabel__emailAddress')} autoComplete="username" error="Enter your email address." />
          <Field name="password" type="password" label={t('formFieldLabel__password')} autoComplete="current-password" hint="At least 8 characters." />
          <OtpInput defaultValue="12" />
          <ResendLink onResend={() => undefined} />
          <Button type="submit" element="formButtonPrimary">
            {t('formButtonPrimary')}
          </Button>
        </Form>
        <Menu>
          <MenuTrigger aria-label={t('userButton.triggerLabel')}>
            <Avatar name="Ada Lovelace" decorative />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem>{t('userButton.action__signOut')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </Card>
    </AppearanceScope>
  );
}
