import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Environment, SignUpField, SignUpParams, StartedSignUp } from '@usher/core';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import type { LocalizationKey } from '../../localization/types.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { LegalConsent } from './LegalConsent.tsx';
import { signUpLinkPageUrl, verificationWays } from './sign-up-link.ts';
import { useSignUpFlow } from './SignUpFlowContext.tsx';
import { VERIFY_EMAIL_ROUTE } from './SignUpStart.tsx';

/** <SignUp/>'s step that finishes a sign-up started elsewhere (a provider's return). */
export const SIGN_UP_CONTINUE_ROUTE = 'continue';

type ContinueField = 'first_name' | 'last_name' | 'username' | 'email_address';

const FIELDS: Record<ContinueField, { label: LocalizationKey; autoComplete: string; type: string; param: keyof SignUpParams }> = {
  first_name: { label: 'formFieldLabel__firstName', autoComplete: 'given-name', type: 'text', param: 'firstName' },
  last_name: { label: 'formFieldLabel__lastName', autoComplete: 'family-name', type: 'text', param: 'lastName' },
  username: { label: 'formFieldLabel__username', autoComplete: 'username', type: 'text', param: 'username' },
  email_address: { label: 'formFieldLabel__emailAddress', autoComplete: 'email', type: 'email', param: 'emailAddress' },
};
const ORDER = Object.keys(FIELDS) as ContinueField[];
const ERROR_FIELDS = [...ORDER, 'legal_accepted'] as const;

/** What this step can ask for; anything else (a password) belongs to the start step. */
const askable = (field: SignUpField) => field === 'legal_accepted' || field in FIELDS;

/**
 * `continue`: the sign-up the client has in progress (after a provider's return) asks only for
 * what is missing (a username, a name, legal consent; never a password when a provider account
 * came with it), then the email code when the provider did not vouch for the address.
 */
export function SignUpContinue({ environment }: { environment: Environment }) {
  const { isLoaded, signUp } = useUsherSnapshot();
  const { t, errorsByField } = useLocalization();
  const { navigate, href } = useRouter();
  const { finish } = useSignUpFlow();
  const [values, setValues] = useState<Record<ContinueField, string>>({ first_name: '', last_name: '', username: '', email_address: '' });
  const [legalAccepted, setLegalAccepted] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [globalError, setGlobalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const first = useRef<HTMLInputElement | null>(null);

  const missing = signUp.status === 'missing_requirements' ? signUp.missingFields : [];
  const fields = ORDER.filter((field) => missing.includes(field));
  const needsConsent = missing.includes('legal_accepted');
  const asking = fields.length > 0 || needsConsent;

  /** Moves on from an attempt: complete → the session; only the address left → its code (or link); else stays. */
  const next = async (attempt: StartedSignUp): Promise<boolean> => {
    if (attempt.status === 'complete') {
      await finish(attempt);
      return true;
    }
    if (attempt.missingFields.length === 0 && attempt.unverifiedFields.includes('email_address')) {
      await attempt.prepareEmailAddressVerification(verificationWays(environment).codes ? {} : { strategy: 'email_link', redirectUrl: signUpLinkPageUrl(href, environment) });
      await navigate(VERIFY_EMAIL_ROUTE, { replace: true });
      return true;
    }
    return false;
  };

  useEffect(() => {
    // Once per arrival (StrictMode runs effects twice): the code is sent once.
    if (!isLoaded || started.current) return;
    started.current = true;
    const usable = signUp.id !== null && (signUp.status === 'complete' || (signUp.status === 'missing_requirements' && signUp.missingFields.every(askable)));
    if (!usable) {
      void navigate('', { replace: true });
      return;
    }
    if (!asking) void next(signUp as StartedSignUp).catch((caught: unknown) => setGlobalError(errorsByField(caught, []).global[0] ?? null));
    else first.current?.focus();
  }, [isLoaded]);

  if (!isLoaded || !asking) {
    return (
      <Card title={t('signUp.continue.title')} loading={!globalError}>
        {globalError ? <Alert>{globalError}</Alert> : <Spinner size="lg" />}
      </Card>
    );
  }

  const submit = async (_event: FormEvent<HTMLFormElement>) => {
    const params: SignUpParams = {};
    for (const field of fields) Object.assign(params, { [FIELDS[field].param]: values[field].trim() });
    if (needsConsent) params.legalAccepted = legalAccepted;
    setBusy(true);
    setGlobalError(null);
    try {
      const saved = await signUp.update(params);
      if (await next(saved)) return;
      const fieldErrors: Record<string, string> = {};
      for (const field of saved.missingFields) fieldErrors[field] = errorsByField({ code: 'form_param_missing', message: '', meta: { paramName: field } }, [field]).fields[field] ?? '';
      setErrors(fieldErrors);
    } catch (caught) {
      const { fields: byField, global } = errorsByField(caught, ERROR_FIELDS);
      setErrors(byField);
      setGlobalError(global[0] ?? null);
    }
    setBusy(false);
  };

  return (
    <Card title={t('signUp.continue.title')} subtitle={t('signUp.continue.subtitle')}>
      {globalError ? <Alert>{globalError}</Alert> : null}
      <Form onSubmit={submit} loading={busy}>
        {fields.map((field, index) => (
          <Field
            key={field}
            ref={index === 0 ? first : undefined}
            name={field}
            type={FIELDS[field].type}
            label={t(FIELDS[field].label)}
            autoComplete={FIELDS[field].autoComplete}
            autoCapitalize={field === 'username' || field === 'email_address' ? 'none' : undefined}
            spellCheck={field === 'username' || field === 'email_address' ? false : undefined}
            required
            value={values[field]}
            onValueChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
            error={errors[field]}
          />
        ))}
        {needsConsent ? (
          <LegalConsent checked={legalAccepted} onCheckedChange={setLegalAccepted} termsUrl={environment.displayConfig.termsUrl} privacyPolicyUrl={environment.displayConfig.privacyPolicyUrl} error={errors.legal_accepted} />
        ) : null}
        <Button type="submit" element="formButtonPrimary" loading={busy}>
          {t('formButtonPrimary')}
        </Button>
      </Form>
    </Card>
  );
}
