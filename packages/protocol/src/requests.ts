import { z } from 'zod';

/**
 * Request bodies of the Frontend API. Objects are strict: an unexpected field is a 422
 * (`form_param_unknown`), never silently stored.
 */
const optionalString = (max: number) => z.string().max(max).optional();

export const signUpCreateBody = z.strictObject({
  email_address: optionalString(320),
  password: optionalString(1024),
  username: optionalString(64),
  first_name: optionalString(128),
  last_name: optionalString(128),
  legal_accepted: z.boolean().optional(),
  redirect_url: optionalString(2048),
});
export type SignUpCreateBody = z.infer<typeof signUpCreateBody>;

export const signUpUpdateBody = signUpCreateBody;
export type SignUpUpdateBody = z.infer<typeof signUpUpdateBody>;

/** `email_link` (instances that enable links): the email carries a link to `redirect_url` (a path of the calling origin, or an allowed absolute URL). */
export const signUpPrepareVerificationBody = z.strictObject({
  strategy: z.enum(['email_code', 'email_link']),
  redirect_url: optionalString(2048),
});
export type SignUpPrepareVerificationBody = z.infer<typeof signUpPrepareVerificationBody>;

export const signUpAttemptVerificationBody = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('email_code'), code: z.string().max(32) }),
  /** Once the emailed link was confirmed (on any device): completes the sign-up on the device that started it. */
  z.strictObject({ strategy: z.literal('email_link') }),
]);
export type SignUpAttemptVerificationBody = z.infer<typeof signUpAttemptVerificationBody>;

export const signInCreateBody = z.strictObject({
  identifier: optionalString(320),
  strategy: z.enum(['password', 'email_code']).optional(),
  password: optionalString(1024),
  redirect_url: optionalString(2048),
});
export type SignInCreateBody = z.infer<typeof signInCreateBody>;

export const signInPrepareFirstFactorBody = z.strictObject({
  strategy: z.enum(['email_code', 'email_link', 'reset_password_email_code', 'reset_password_phone_code']),
  email_address_id: optionalString(64),
  /** email_link: the app's page the link opens (a relative path of the calling origin, or an allowed absolute URL). */
  redirect_url: optionalString(2048),
});
export type SignInPrepareFirstFactorBody = z.infer<typeof signInPrepareFirstFactorBody>;

export const signInAttemptFirstFactorBody = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('password'), password: z.string().max(1024) }),
  z.strictObject({ strategy: z.literal('email_code'), code: z.string().max(32) }),
  /** After the emailed link was confirmed (on any device): completes the sign-in on the device that started it. */
  z.strictObject({ strategy: z.literal('email_link') }),
  z.strictObject({ strategy: z.literal('reset_password_email_code'), code: z.string().max(32) }),
  z.strictObject({ strategy: z.literal('reset_password_phone_code'), code: z.string().max(32) }),
]);
export type SignInAttemptFirstFactorBody = z.infer<typeof signInAttemptFirstFactorBody>;

/** The token an emailed link carries, confirmed with a click on the page it opens (a GET or HEAD of that page consumes nothing). */
export const emailLinkConfirmBody = z.strictObject({ token: z.string().max(256) });
export type EmailLinkConfirmBody = z.infer<typeof emailLinkConfirmBody>;

/** The new password of a reset, once the reset code was verified (status needs_new_password). */
export const signInResetPasswordBody = z.strictObject({
  password: z.string().max(1024),
  sign_out_of_other_sessions: z.boolean().optional(),
});
export type SignInResetPasswordBody = z.infer<typeof signInResetPasswordBody>;

/** Texts a code to a phone number reserved for 2-step verification (the user's default one when no id is given). */
export const signInPrepareSecondFactorBody = z.strictObject({
  strategy: z.literal('phone_code'),
  phone_number_id: optionalString(64),
});
export type SignInPrepareSecondFactorBody = z.infer<typeof signInPrepareSecondFactorBody>;

/** A code from the authenticator app, the SMS, or one of the backup codes. */
export const signInAttemptSecondFactorBody = z.strictObject({
  strategy: z.enum(['totp', 'phone_code', 'backup_code']),
  code: z.string().max(64),
});
export type SignInAttemptSecondFactorBody = z.infer<typeof signInAttemptSecondFactorBody>;

export const sessionTouchBody = z.strictObject({
  active_organization_id: z.string().max(64).nullable().optional(),
});
export type SessionTouchBody = z.infer<typeof sessionTouchBody>;

export const emptyBody = z.strictObject({});

export const updateMeBody = z.strictObject({
  first_name: z.string().max(128).nullable().optional(),
  last_name: z.string().max(128).nullable().optional(),
  username: z.string().max(64).nullable().optional(),
  /** One of the user's verified addresses (re-verification within 10 minutes required). */
  primary_email_address_id: z.string().max(64).optional(),
  /** One of the user's verified phone numbers (re-verification within 10 minutes required). */
  primary_phone_number_id: z.string().max(64).optional(),
  /** The one kind of metadata a user may write themself (never trusted for authorization). */
  unsafe_metadata: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateMeBody = z.infer<typeof updateMeBody>;

/** Re-verification of the signed-in user (a fresh first factor for a sensitive change). */
export const sessionVerifyPrepareBody = z.strictObject({ strategy: z.literal('email_code') });
export type SessionVerifyPrepareBody = z.infer<typeof sessionVerifyPrepareBody>;

export const sessionVerifyAttemptBody = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('password'), password: z.string().max(1024) }),
  z.strictObject({ strategy: z.literal('email_code'), code: z.string().max(32) }),
]);
export type SessionVerifyAttemptBody = z.infer<typeof sessionVerifyAttemptBody>;

/** `current_password` is required when the user has one; without one, a recent re-verification is. */
export const changePasswordBody = z.strictObject({
  current_password: z.string().max(1024).optional(),
  new_password: z.string().max(1024),
  sign_out_of_other_sessions: z.boolean().optional(),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** Adding an address to the signed-in account (re-verification within 10 minutes required). */
export const createEmailAddressBody = z.strictObject({ email_address: z.string().max(320) });
export type CreateEmailAddressBody = z.infer<typeof createEmailAddressBody>;

/** `email_link`: the email carries a link to `redirect_url` that verifies the address on any device it is opened on. */
export const prepareEmailAddressVerificationBody = z.strictObject({ strategy: z.enum(['email_code', 'email_link']), redirect_url: optionalString(2048) });
export type PrepareEmailAddressVerificationBody = z.infer<typeof prepareEmailAddressVerificationBody>;

export const attemptEmailAddressVerificationBody = z.strictObject({ code: z.string().max(32) });
export type AttemptEmailAddressVerificationBody = z.infer<typeof attemptEmailAddressVerificationBody>;

export const createPhoneNumberBody = z.strictObject({ phone_number: z.string().max(32) });
export type CreatePhoneNumberBody = z.infer<typeof createPhoneNumberBody>;

export const preparePhoneNumberVerificationBody = z.strictObject({ strategy: z.literal('phone_code') });

/** Reserves a verified number for 2-step verification (or releases it), and makes it the default second factor. */
export const updatePhoneNumberBody = z.strictObject({
  reserved_for_second_factor: z.boolean().optional(),
  default_second_factor: z.literal(true).optional(),
});
export type UpdatePhoneNumberBody = z.infer<typeof updatePhoneNumberBody>;

/** The first code of the authenticator app being set up. */
export const attemptTotpVerificationBody = z.strictObject({ code: z.string().max(32) });
export type AttemptTotpVerificationBody = z.infer<typeof attemptTotpVerificationBody>;
export type PreparePhoneNumberVerificationBody = z.infer<typeof preparePhoneNumberVerificationBody>;
