import type { Environment } from '@usher/core';

/** The form fields of the sign-up start step, in display order. */
export type SignUpFormField = 'first_name' | 'last_name' | 'username' | 'email_address' | 'password';

export interface SignUpFieldSetting {
  name: SignUpFormField;
  required: boolean;
}

export interface SignUpFormPlan {
  /** The fields to show, in order (optional ones dropped when `showOptionalFields` is false). */
  fields: SignUpFieldSetting[];
  /** Whether the legal consent checkbox is shown (and required). */
  legalConsent: boolean;
  passwordMinLength: number;
  passwordMaxLength: number;
  termsUrl: string | null;
  privacyPolicyUrl: string | null;
}

const ORDER: SignUpFormField[] = ['first_name', 'last_name', 'username', 'email_address', 'password'];

const ATTRIBUTE: Record<SignUpFormField, keyof Environment['userSettings']['attributes']> = {
  first_name: 'firstName',
  last_name: 'lastName',
  username: 'username',
  email_address: 'emailAddress',
  password: 'password',
};

/**
 * What the start step asks for, from the instance settings: enabled attributes (required or
 * optional) and legal consent. Optional fields are left out when the appearance hides them.
 */
export function signUpFormPlan(environment: Environment, showOptionalFields: boolean): SignUpFormPlan {
  const { attributes, passwordSettings, signUp } = environment.userSettings;
  const fields = ORDER.flatMap((name) => {
    const setting = attributes[ATTRIBUTE[name]];
    if (!setting?.enabled) return [];
    if (!setting.required && !showOptionalFields) return [];
    return [{ name, required: setting.required }];
  });
  return {
    fields,
    legalConsent: signUp.legalConsentEnabled,
    passwordMinLength: passwordSettings.minLength,
    passwordMaxLength: passwordSettings.maxLength,
    termsUrl: environment.displayConfig.termsUrl,
    privacyPolicyUrl: environment.displayConfig.privacyPolicyUrl,
  };
}
