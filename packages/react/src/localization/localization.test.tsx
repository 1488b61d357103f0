import { cleanup, render, renderHook, screen } from '@testing-library/react';
import { ERROR_CODES } from '@usher/protocol';
import { UsherAPIError, UsherOfflineError, type UsherAPIErrorItem } from '@usher/core';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { enUS } from './en-US.ts';
import { interpolate } from './interpolate.ts';
import { LocalizationProvider } from './LocalizationProvider.tsx';
import type { LocalizationKey, LocalizationResource } from './types.ts';
import { useLocalization } from './use-localization.ts';

afterEach(cleanup);

const item = (code: UsherAPIErrorItem['code'], paramName?: string, longMessage = `long ${code}`): UsherAPIErrorItem => ({
  code,
  message: `short ${code}`,
  longMessage,
  meta: paramName ? { paramName } : {},
});
const apiError = (...items: UsherAPIErrorItem[]) => new UsherAPIError({ status: 422, errors: items, retryAfter: null });

function wrapper(localization?: LocalizationResource) {
  return ({ children }: { children: ReactNode }) => <LocalizationProvider localization={localization}>{children}</LocalizationProvider>;
}

describe('localization', () => {
  it('answers English by default, with {{tokens}} filled', () => {
    const { result } = renderHook(() => useLocalization());
    expect(result.current.t('signIn.start.title', { applicationName: 'Acme' })).toBe('Sign in to Acme');
    expect(result.current.t('signIn.emailCode.title')).toBe('Check your email');
    expect(result.current.t('signIn.emailCode.subtitle', { applicationName: 'Acme' })).toBe('to continue to Acme');
    expect(result.current.t('signIn.emailCode.resendButton')).toBe('Didn’t receive a code? Resend');
    expect(result.current.t('userButton.action__signOutAll')).toBe('Sign out of all accounts');
    expect(result.current.t('formButtonPrimary')).toBe('Continue');
    expect(result.current.locale).toBe('en-US');
  });

  it('deep-merges the localization prop over English, key by key', () => {
    const { result } = renderHook(() => useLocalization(), { wrapper: wrapper({ locale: 'fr-FR', signIn: { start: { title: 'Connexion à {{applicationName}}' } } }) });
    expect(result.current.t('signIn.start.title', { applicationName: 'Acme' })).toBe('Connexion à Acme');
    expect(result.current.t('signIn.start.subtitle')).toBe(enUS.signIn.start.subtitle); // untouched sibling
    expect(result.current.t('signUp.start.title')).toBe('Create your account'); // untouched section
    expect(result.current.locale).toBe('fr-FR');
    expect(result.current.formatNumber(1234.5)).toBe('1\u202f234,5'); // French grouping: a narrow no-break space
  });

  it('ignores values of the wrong shape instead of wiping a section', () => {
    const broken = { signIn: 'oops' } as unknown as LocalizationResource;
    const { result } = renderHook(() => useLocalization(), { wrapper: wrapper(broken) });
    expect(result.current.t('signIn.start.actionLink')).toBe('Sign up');
  });

  it('fills dotted tokens from nested values; a missing token is empty', () => {
    expect(interpolate('Hi {{user.firstName}}!', { user: { firstName: 'Ada' } })).toBe('Hi Ada!');
    expect(interpolate('Hi {{ name }}', {})).toBe('Hi ');
    expect(interpolate('Hi {{name}}', {}, { strict: true })).toBeNull();
  });

  it('types its keys: a typo does not compile', () => {
    const key: LocalizationKey = 'signIn.password.title';
    // @ts-expect-error -- 'tittle' is not a key of the English resource
    const typo: LocalizationKey = 'signIn.password.tittle';
    expect([key, typo]).toHaveLength(2);
  });

  it('renders strings in components through the provider', () => {
    function Title() {
      const { t } = useLocalization();
      return <h1>{t('signUp.start.title')}</h1>;
    }
    render(<Title />, { wrapper: wrapper({ signUp: { start: { title: 'Konto erstellen' } } }) });
    expect(screen.getByRole('heading').textContent).toBe('Konto erstellen');
  });
});

describe('error messages', () => {
  it('has a helpful English message for every API error code', () => {
    for (const code of ERROR_CODES) {
      const message = (enUS.errors as Record<string, string>)[code];
      expect(message, code).toMatch(/\.$/);
    }
  });

  it('never tells whether an account exists', () => {
    const { identifierNotFound, passwordIncorrect } = { identifierNotFound: enUS.errors.form_identifier_not_found, passwordIncorrect: enUS.errors.form_password_incorrect };
    for (const message of [identifierNotFound, passwordIncorrect]) expect(message).not.toMatch(/no account|not found|doesn.t exist|does not exist|no user/i);
    expect(identifierNotFound.startsWith('We could not sign you in with these details')).toBe(true);
    expect(passwordIncorrect.startsWith('We could not sign you in with these details')).toBe(true);
  });

  it('resolves errors.<code>__<param>, then errors.<code>, then long_message, then message', () => {
    const localization = {
      errors: { form_param_format_invalid__email_address: 'Adresse invalide.', form_param_format_invalid: 'Format invalide.' },
    } as LocalizationResource;
    const { result } = renderHook(() => useLocalization(), { wrapper: wrapper(localization) });
    const { resolveError } = result.current;
    expect(resolveError(apiError(item('form_param_format_invalid', 'email_address')))).toBe('Adresse invalide.');
    expect(resolveError(apiError(item('form_param_format_invalid', 'username')))).toBe('Format invalide.');
    // A code the client does not know yet: the API's own words.
    const unknown = { code: 'brand_new_code', message: 'short brand_new_code', longMessage: 'long brand_new_code', meta: {} } as unknown as UsherAPIErrorItem;
    expect(resolveError(apiError(unknown))).toBe('long brand_new_code');
    expect(resolveError(apiError({ ...unknown, longMessage: '' }))).toBe('short brand_new_code');
  });

  it('skips a message whose tokens cannot be filled, rather than showing holes', () => {
    const { result } = renderHook(() => useLocalization());
    const tooShort = apiError(item('form_password_length_too_short', 'password', 'Passwords must be 8 characters or more.'));
    expect(result.current.resolveError(tooShort)).toBe('Passwords must be 8 characters or more.');
    expect(result.current.resolveError(tooShort, { minLength: 8 })).toBe('Your password is too short. Use at least 8 characters.');
  });

  it('resolves offline errors and unknown throwables to friendly text', () => {
    const { result } = renderHook(() => useLocalization());
    expect(result.current.resolveError(new UsherOfflineError())).toBe(enUS.errors.network_offline);
    expect(result.current.resolveError(new Error('boom'))).toBe(enUS.errors.unknown);
  });

  it('splits an answer into field errors and the rest', () => {
    const { result } = renderHook(() => useLocalization());
    const error = apiError(item('form_param_missing', 'password'), item('form_code_incorrect', 'code'), item('too_many_requests'));
    expect(result.current.errorsByField(error, ['identifier', 'password'])).toEqual({
      fields: { password: enUS.errors.form_param_missing__password },
      global: [enUS.errors.form_code_incorrect, enUS.errors.too_many_requests],
    });
  });
});
