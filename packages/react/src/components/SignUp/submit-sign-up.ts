import { isUsherAPIError, type SignUp, type SignUpParams, type StartedSignUp } from '@usher/core';
import type { SignUpFormValues } from './SignUpFlowContext.tsx';
import type { SignUpFormPlan } from './sign-up-fields.ts';

/** Fields that can carry an error on the start step, in the order they are shown (for focus). */
export const START_ERROR_FIELDS = ['first_name', 'last_name', 'username', 'email_address', 'password', 'legal_accepted'] as const;
export type StartErrorField = (typeof START_ERROR_FIELDS)[number];

/** A field error before any request: required and empty, a password under the minimum, consent unchecked. */
export type LocalProblem = { field: StartErrorField; code: 'form_param_missing' | 'form_password_length_too_short' };

export function localProblems(plan: SignUpFormPlan, values: SignUpFormValues): LocalProblem[] {
  const problems: LocalProblem[] = [];
  for (const field of plan.fields) {
    const value = values[field.name];
    if (field.required && value.trim() === '') problems.push({ field: field.name, code: 'form_param_missing' });
    else if (field.name === 'password' && value !== '' && [...value].length < plan.passwordMinLength) problems.push({ field: 'password', code: 'form_password_length_too_short' });
  }
  if (plan.legalConsent && !values.legal_accepted) problems.push({ field: 'legal_accepted', code: 'form_param_missing' });
  return problems;
}

/** The SDK parameters of the shown fields; empty optional fields are left out. */
export function toParams(plan: SignUpFormPlan, values: SignUpFormValues): SignUpParams {
  const params: SignUpParams = {};
  const set = <K extends keyof SignUpParams>(key: K, value: SignUpParams[K]) => {
    params[key] = value;
  };
  for (const { name } of plan.fields) {
    const value = name === 'password' ? values.password : values[name].trim();
    if (value === '') continue;
    if (name === 'email_address') set('emailAddress', value);
    else if (name === 'password') set('password', value);
    else if (name === 'username') set('username', value);
    else if (name === 'first_name') set('firstName', value);
    else set('lastName', value);
  }
  if (plan.legalConsent) set('legalAccepted', values.legal_accepted);
  return params;
}

/**
 * Creates the sign-up, or updates the one in progress (coming back from the code step to edit the
 * email address). An attempt that expired meanwhile is replaced by a new one.
 */
export async function saveSignUp(current: SignUp, params: SignUpParams): Promise<StartedSignUp> {
  if (current.id && current.status === 'missing_requirements' && current.verifications.emailAddress?.status !== 'verified') {
    try {
      return await current.update(params);
    } catch (error) {
      if (!(isUsherAPIError(error) && error.errors.some((e) => e.code === 'sign_up_not_found' || e.code === 'sign_up_status_invalid'))) throw error;
    }
  }
  return current.create(params);
}

/** Seconds to wait after a 429, from Retry-After or the error's meta; null when not rate limited. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!isUsherAPIError(error)) return null;
  const item = error.errors.find((e) => e.code === 'too_many_requests');
  if (!item && error.status !== 429) return null;
  return error.retryAfter ?? item?.meta.retryAfterSeconds ?? 10;
}
