import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import type { Environment } from '@usher/core';
import { useAppearance, useElements } from '../../appearance/use-elements.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import type { LocalizationKey } from '../../localization/types.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Card, CardFooterAction } from '../../primitives/Card.tsx';
import { Field } from '../../primitives/Field.tsx';
import { Form } from '../../primitives/Form.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { LegalConsent } from './LegalConsent.tsx';
import { WithSocialButtons } from '../SocialButtons/WithSocialButtons.tsx';
import { PasswordRequirements } from '../shared/PasswordRequirements.tsx';
import { PasswordStrengthMeter } from '../shared/PasswordStrengthMeter.tsx';
import { signUpFormPlan, type SignUpFieldSetting, type SignUpFormField } from './sign-up-fields.ts';
import { useSignUpFlow } from './SignUpFlowContext.tsx';
import { localProblems, retryAfterSeconds, saveSignUp, START_ERROR_FIELDS, toParams, type StartErrorField } from './submit-sign-up.ts';
import { signUpLinkPageUrl, verificationWays } from './sign-up-link.ts';
import { useCountdown } from './use-countdown.ts';

export const VERIFY_EMAIL_ROUTE = 'verify-email-address';

const FIELD_TEXT: Record<SignUpFormField, { label: LocalizationKey; placeholder?: LocalizationKey; autoComplete: string; type: string }> = {
  first_name: { label: 'formFieldLabel__firstName', placeholder: 'formFieldInputPlaceholder__firstName', autoComplete: 'given-name', type: 'text' },
  last_name: { label: 'formFieldLabel__lastName', placeholder: 'formFieldInputPlaceholder__lastName', autoComplete: 'family-name', type: 'text' },
  username: { label: 'formFieldLabel__username', placeholder: 'formFieldInputPlaceholder__username', autoComplete: 'username', type: 'text' },
  email_address: { label: 'formFieldLabel__emailAddress', placeholder: 'formFieldInputPlaceholder__emailAddress', autoComplete: 'email', type: 'email' },
  password: { label: 'formFieldLabel__password', autoComplete: 'new-password', type: 'password' },
};

/** The first step: the instance's fields, the password's strength and rules, legal consent. */
export function SignUpStart({ environment }: { environment: Environment }) {
  const el = useElements();
  const { layout } = useAppearance();
  const { t, resolveError, errorsByField } = useLocalization();
  const { signUp } = useUsherSnapshot();
  const { navigate, redirect, href } = useRouter();
  const { values, setValue, finish, signInUrl, social } = useSignUpFlow();
  const uid = useId();
  const plan = signUpFormPlan(environment, layout.showOptionalFields);
  const tokens = { minLength: plan.passwordMinLength, maxLength: plan.passwordMaxLength };
  const [errors, setErrors] = useState<Partial<Record<StartErrorField, string>>>({});
  const [globalError, setGlobalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitSeconds, startWait] = useCountdown();
  const refs = useRef<Partial<Record<StartErrorField, HTMLInputElement | null>>>({});
  // Bumped on every failed submit, so that focus moves to the first error even if it is the same one.
  const [failures, setFailures] = useState(0);
  const requirementsId = `${uid}-password-rules`;
  const strengthId = `${uid}-password-strength`;
  const passwordSettings = environment.userSettings.passwordSettings;

  useEffect(() => {
    const first = plan.fields[0]?.name ?? (plan.legalConsent ? 'legal_accepted' : undefined);
    if (first) refs.current[first]?.focus();
    // Only on arrival at the step (the plan is derived from props that do not change meanwhile).
  }, []);

  useEffect(() => {
    if (failures === 0) return;
    const first = START_ERROR_FIELDS.find((field) => errors[field] && refs.current[field]);
    if (first) refs.current[first]?.focus();
  }, [failures]);

  const fail = (fieldErrors: Partial<Record<StartErrorField, string>>, global: string | null) => {
    setErrors(fieldErrors);
    setGlobalError(global);
    setFailures((n) => n + 1);
  };

  const submit = async (_event: FormEvent<HTMLFormElement>) => {
    if (waitSeconds > 0 || !signUp) return;
    const problems = localProblems(plan, values);
    if (problems.length) {
      const fieldErrors: Partial<Record<StartErrorField, string>> = {};
      for (const p of problems) fieldErrors[p.field] ??= resolveError({ code: p.code, message: '', meta: { paramName: p.field } }, tokens);
      return fail(fieldErrors, null);
    }
    setBusy(true);
    let keepBusy = false;
    try {
      const saved = await saveSignUp(signUp, toParams(plan, values));
      if (saved.status === 'complete') {
        keepBusy = true;
        await finish(saved);
        return;
      }
      if (saved.unverifiedFields.includes('email_address')) {
        // Same step for every address: one that already has an account is sent a notice, not a code
        // or link. A code first when the instance offers codes; the step offers a link instead.
        await saved.prepareEmailAddressVerification(verificationWays(environment).codes ? {} : { strategy: 'email_link', redirectUrl: signUpLinkPageUrl(href, environment) });
        setErrors({});
        setGlobalError(null);
        keepBusy = true;
        await navigate(VERIFY_EMAIL_ROUTE);
        return;
      }
      const missing: Partial<Record<StartErrorField, string>> = {};
      for (const field of saved.missingFields) {
        if ((START_ERROR_FIELDS as readonly string[]).includes(field)) missing[field as StartErrorField] = resolveError({ code: 'form_param_missing', message: '', meta: { paramName: field } });
      }
      fail(missing, Object.keys(missing).length ? null : resolveError(null));
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait !== null) {
        startWait(wait);
        return fail({}, t('signUp.rateLimited'));
      }
      const { fields, global } = errorsByField(error, START_ERROR_FIELDS, tokens);
      fail(fields, global[0] ?? null);
    } finally {
      if (!keepBusy) setBusy(false);
    }
  };

  const renderField = (field: SignUpFieldSetting) => {
    const text = FIELD_TEXT[field.name];
    const isPassword = field.name === 'password';
    return (
      <Field
        key={field.name}
        ref={(node) => void (refs.current[field.name] = node)}
        name={field.name}
        type={text.type}
        label={t(text.label)}
        placeholder={text.placeholder ? t(text.placeholder) : undefined}
        autoComplete={text.autoComplete}
        optional={!field.required}
        aria-required={field.required || undefined}
        aria-describedby={isPassword ? `${strengthId} ${requirementsId}` : undefined}
        maxLength={isPassword ? plan.passwordMaxLength : undefined}
        spellCheck={field.name === 'email_address' || field.name === 'username' ? false : undefined}
        autoCapitalize={field.name === 'email_address' || field.name === 'username' ? 'none' : undefined}
        value={values[field.name]}
        onValueChange={(value) => setValue(field.name, value)}
        error={errors[field.name]}
      />
    );
  };

  const names = plan.fields.filter((f) => f.name === 'first_name' || f.name === 'last_name');
  const others = plan.fields.filter((f) => f.name !== 'first_name' && f.name !== 'last_name');
  const goToSignIn = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void redirect(signInUrl);
  };

  return (
    <Card
      title={t('signUp.start.title')}
      subtitle={t('signUp.start.subtitle')}
      footer={<CardFooterAction text={t('signUp.start.actionText')} link={t('signUp.start.actionLink')} href={signInUrl} onClick={goToSignIn} />}
    >
      {globalError ? <Alert>{globalError}</Alert> : null}
      <WithSocialButtons flow="signUp" {...social} legalAccepted={plan.legalConsent && values.legal_accepted ? true : undefined} onError={(caught) => setGlobalError(resolveError(caught))} disabled={busy}>
        <Form onSubmit={submit} loading={busy}>
          {names.length === 2 ? <div {...el('formFieldRow', { id: 'name' })}>{names.map(renderField)}</div> : names.map(renderField)}
          {others.map((field) =>
            field.name === 'password' ? (
              <Fragment key="password">
                {renderField(field)}
                <PasswordStrengthMeter
                  id={strengthId}
                  password={values.password}
                  userInputs={[values.email_address, values.username, values.first_name, values.last_name]}
                  minScore={passwordSettings.minZxcvbnStrength}
                />
                <PasswordRequirements id={requirementsId} password={values.password} settings={passwordSettings} />
              </Fragment>
            ) : (
              renderField(field)
            ),
          )}
          {plan.legalConsent ? (
            <LegalConsent
              ref={(node) => void (refs.current.legal_accepted = node)}
              checked={values.legal_accepted}
              onCheckedChange={(checked) => setValue('legal_accepted', checked)}
              termsUrl={plan.termsUrl}
              privacyPolicyUrl={plan.privacyPolicyUrl}
              error={errors.legal_accepted}
            />
          ) : null}
          <Button type="submit" element="formButtonPrimary" loading={busy}>
            {waitSeconds > 0 ? t('signUp.rateLimitedButton', { seconds: waitSeconds }) : t('formButtonPrimary')}
          </Button>
        </Form>
      </WithSocialButtons>
    </Card>
  );
}
