import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useUsher, useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card, CardFooterAction } from '../../primitives/Card.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { WithSocialButtons } from '../SocialButtons/WithSocialButtons.tsx';
import { linkLandingUrl } from './email-link-landing.ts';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';
import { useStepError } from './use-step-error.tsx';

const FIELDS = ['identifier'] as const;

/** Which identifiers the instance accepts in the first field (email by default). */
function useIdentifierKinds(): { email: boolean; username: boolean } {
  const { environment } = useUsherSnapshot();
  const attributes = environment?.userSettings.attributes;
  const email = !!attributes?.emailAddress.enabled && !!attributes.emailAddress.usedForFirstFactor;
  const username = !!attributes?.username.enabled && !!attributes.username.usedForFirstFactor;
  return { email: email || !username, username };
}

/**
 * The first step: the identifier. Known and unknown identifiers move on alike (the server answers
 * the same with enumeration protection), to the password when the instance offers it, else to a
 * code sent by email, else to a sign-in link.
 */
export function SignInStart() {
  const usher = useUsher();
  const { environment } = useUsherSnapshot();
  const { t } = useLocalization();
  const { navigate, href } = useRouter();
  const flow = useSignInFlow();
  const kinds = useIdentifierKinds();
  const error = useStepError(FIELDS);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const label = kinds.email && kinds.username ? t('formFieldLabel__emailAddress_username') : kinds.username ? t('formFieldLabel__username') : t('formFieldLabel__emailAddress');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    const identifier = (new FormData(event.currentTarget).get('identifier') ?? '').toString().trim();
    flow.setIdentifier(identifier);
    error.clear();
    setBusy(true);
    try {
      const attempt = await usher.signIn.create({ identifier });
      if (attempt.status === 'complete') return await flow.complete(attempt);
      const strategies = attempt.supportedFirstFactors.map((factor) => factor.strategy);
      if (strategies.includes('password')) {
        await navigate(SIGN_IN_ROUTES.password);
      } else if (strategies.includes('email_code')) {
        await attempt.prepareFirstFactor({ strategy: 'email_code' });
        await navigate(SIGN_IN_ROUTES.emailCode);
      } else if (strategies.includes('email_link')) {
        await attempt.prepareFirstFactor({ strategy: 'email_link', redirectUrl: linkLandingUrl(href, environment?.displayConfig.signInUrl ?? '/sign-in') });
        await navigate(SIGN_IN_ROUTES.emailLink);
      }
    } catch (caught) {
      error.report(caught);
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <Card
      title={t('signIn.start.title')}
      subtitle={t('signIn.start.subtitle')}
      footer={flow.signUpHref ? <CardFooterAction text={t('signIn.start.actionText')} link={t('signIn.start.actionLink')} href={flow.signUpHref} onClick={followLink(flow.goToSignUp)} /> : null}
    >
      {error.alert}
      <WithSocialButtons flow="signIn" {...flow.social} onError={error.report} disabled={busy}>
        <Form onSubmit={submit} loading={busy}>
          <Field
            ref={input}
            name="identifier"
            type={kinds.username ? 'text' : 'email'}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            label={label}
            value={flow.identifier}
            onValueChange={flow.setIdentifier}
            error={error.fields.identifier}
            required
          />
          <Button type="submit" element="formButtonPrimary" loading={busy} disabled={error.waiting}>
            {t('formButtonPrimary')}
          </Button>
        </Form>
      </WithSocialButtons>
    </Card>
  );
}

/** A plain click goes through the app's router; modified clicks (new tab…) keep the link's default. */
function followLink(go: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go();
  };
}
