import type { FirstFactorStrategy, IdentifierKind, SecondFactorStrategy, SignInFactorJSON, SignInJSON, SignInStatus } from '@usher/protocol';
import { UsherMisuseError } from '../errors.ts';
import { deepEqual } from '../internal/deep-equal.ts';
import { signInMachine } from '../machines/sign-in-machine.ts';
import { goToProvider, oauthStartBody, providerPageOf, type AuthenticateWithRedirectParams } from './oauth.ts';
import { confirmEmailLink, type EmailLinkConfirmation } from './email-link-confirmation.ts';
import type { ResourceContext } from './resource-context.ts';
import { Verification } from './verification.ts';

export interface SignInCreateParams {
  /** An email address or username. */
  identifier?: string;
  strategy?: FirstFactorStrategy;
  /** With `strategy: 'password'`: create and attempt in one request. */
  password?: string;
  redirectUrl?: string;
}

export interface SignInPrepareFirstFactorParams {
  /**
   * `email_link` emails a sign-in link (instances that enable links); `reset_password_email_code` /
   * `reset_password_phone_code` are "forgot password" (a code by email, or texted to the account's
   * number): the code leads to a new password.
   */
  strategy: 'email_code' | 'email_link' | 'reset_password_email_code' | 'reset_password_phone_code';
  /** Which address gets the code; defaults to the one the sign-in offers. */
  emailAddressId?: string;
  /** `email_link`: the app's page the link opens (a path of this page's origin, or an allowed absolute URL); it calls `signIn.confirmEmailLink()`. */
  redirectUrl?: string;
}

export type SignInAttemptFirstFactorParams =
  | { strategy: 'password'; password: string }
  | { strategy: 'email_code'; code: string }
  /** Once the emailed link was confirmed (on any device): completes the sign-in on this one. */
  | { strategy: 'email_link' }
  /** A correct reset code answers status `needs_new_password`: then call `resetPassword()`. */
  | { strategy: 'reset_password_email_code' | 'reset_password_phone_code'; code: string };

export interface SignInPrepareSecondFactorParams {
  /** Codes by SMS to a number reserved for 2-step verification. */
  strategy: 'phone_code';
  /** Which reserved number; defaults to the user's default one. */
  phoneNumberId?: string;
}

export interface SignInAttemptSecondFactorParams {
  /** `totp`: the authenticator app's code; `phone_code`: the texted one; `backup_code`: one of the backup codes. */
  strategy: SecondFactorStrategy;
  code: string;
}

export interface SignInResetPasswordParams {
  password: string;
  /** Revokes every other session of the user (default false). */
  signOutOfOtherSessions?: boolean;
}

/** A factor the sign-in can be completed with. */
export interface SignInFactor<S extends FirstFactorStrategy | SecondFactorStrategy = FirstFactorStrategy | SecondFactorStrategy> {
  readonly strategy: S;
  /** A masked form of the identifier (e.g. `j***@example.com`, `+1 ••• ••• ••42`). */
  readonly safeIdentifier?: string;
  readonly emailAddressId?: string;
  /** For `phone_code` second factors: the reserved number. */
  readonly phoneNumberId?: string;
  readonly primary?: boolean;
  /** The user's default second factor (the step opens with it). */
  readonly default?: boolean;
}

/** Name and avatar of the user being signed in (identity preview). */
export interface SignInUserData {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly imageUrl: string;
  readonly hasImage: boolean;
}

export function toFactor<S extends FirstFactorStrategy | SecondFactorStrategy>(json: SignInFactorJSON): SignInFactor<S> {
  return Object.freeze({
    strategy: json.strategy as S,
    ...(json.safe_identifier !== undefined ? { safeIdentifier: json.safe_identifier } : {}),
    ...(json.email_address_id !== undefined ? { emailAddressId: json.email_address_id } : {}),
    ...(json.phone_number_id !== undefined ? { phoneNumberId: json.phone_number_id } : {}),
    ...(json.primary !== undefined ? { primary: json.primary } : {}),
    ...(json.default !== undefined ? { default: json.default } : {}),
  });
}

/**
 * A sign-in that exists on the server (id and status known): what every SignIn call answers.
 * @example const attempt: StartedSignIn = await signIn.create({ identifier }); attempt.status; // never null
 */
export type StartedSignIn = SignIn & { readonly id: string; readonly status: SignInStatus };

/**
 * The client's current sign-in attempt. Before `create()` it is empty (`id` and `status` null).
 * Immutable: each method answers the updated SignIn (also published in the Usher snapshot).
 * Methods are bound and refuse, with an {@link UsherMisuseError}, calls the status does not
 * allow. When `status` is `complete`, activate the session with `finalize()` (the same as
 * `usher.setActive({ session: signIn.createdSessionId })`).
 *
 * @example
 * const { signIn } = usher.getSnapshot();
 * let attempt = await signIn.create({ identifier: 'ada@example.com' });
 * attempt = await attempt.attemptFirstFactor({ strategy: 'password', password });
 * if (attempt.status === 'complete') await attempt.finalize();
 */
export class SignIn {
  readonly id: string | null;
  readonly status: SignInStatus | null;
  readonly identifier: string | null;
  readonly supportedIdentifiers: readonly IdentifierKind[];
  readonly supportedFirstFactors: readonly SignInFactor<FirstFactorStrategy>[];
  /** At `needs_second_factor`: what the account can finish with, the default one first, backup codes last. */
  readonly supportedSecondFactors: readonly SignInFactor<SecondFactorStrategy>[] | null;
  readonly firstFactorVerification: Verification | null;
  readonly secondFactorVerification: Verification | null;
  readonly userData: SignInUserData | null;
  readonly createdSessionId: string | null;
  /** Unix milliseconds when the attempt is given up. */
  readonly abandonAt: number | null;
  readonly #json: SignInJSON | null;
  readonly #ctx: ResourceContext;

  /** @internal built by the SDK from the API's JSON (null: no attempt yet) */
  constructor(json: SignInJSON | null, ctx: ResourceContext) {
    this.#json = json;
    this.#ctx = ctx;
    this.id = json?.id ?? null;
    this.status = json?.status ?? null;
    this.identifier = json?.identifier ?? null;
    this.supportedIdentifiers = Object.freeze([...(json?.supported_identifiers ?? [])]);
    this.supportedFirstFactors = Object.freeze((json?.supported_first_factors ?? []).map((f) => toFactor<FirstFactorStrategy>(f)));
    this.supportedSecondFactors = json?.supported_second_factors ? Object.freeze(json.supported_second_factors.map((f) => toFactor<SecondFactorStrategy>(f))) : null;
    this.firstFactorVerification = Verification.fromJSON(json?.first_factor_verification);
    this.secondFactorVerification = Verification.fromJSON(json?.second_factor_verification);
    const userData = json?.user_data;
    this.userData = userData
      ? Object.freeze({ firstName: userData.first_name, lastName: userData.last_name, imageUrl: userData.image_url, hasImage: userData.has_image })
      : null;
    this.createdSessionId = json?.created_session_id ?? null;
    this.abandonAt = json?.abandon_at ?? null;
    Object.freeze(this);
  }

  /** @internal the previous instance when nothing changed, so snapshots keep their identity */
  static share(json: SignInJSON, ctx: ResourceContext, previous: SignIn | null | undefined): SignIn {
    if (previous && previous.id === json.id && deepEqual(previous.#json, json)) return previous;
    return new SignIn(json, ctx);
  }

  /**
   * Starts a new sign-in (POST /v1/client/sign_ins). With an identifier and a password it can
   * complete at once.
   * @example await signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
   */
  readonly create = async (params: SignInCreateParams): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'create');
    const json = await this.#ctx.call<SignInJSON>({
      method: 'POST',
      path: '/client/sign_ins',
      body: { identifier: params.identifier, strategy: params.strategy, password: params.password, redirect_url: params.redirectUrl },
    });
    return this.#ctx.signInFor(json);
  };

  /**
   * Starts a new sign-in with a social / OpenID provider (POST /v1/client/sign_ins with its
   * `oauth_<id>` strategy) and leaves for the provider's page. The person comes back to
   * `redirectUrl`, which calls `usher.handleRedirectCallback()`.
   * @example await signIn.authenticateWithRedirect({ strategy: 'oauth_google', redirectUrl: '/sso-callback', redirectUrlComplete: '/dashboard' });
   */
  readonly authenticateWithRedirect = async (params: AuthenticateWithRedirectParams): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'create');
    const attempt = this.#ctx.signInFor(await this.#ctx.call<SignInJSON>({ method: 'POST', path: '/client/sign_ins', body: oauthStartBody(params) }));
    await goToProvider(this.#ctx, providerPageOf(attempt.firstFactorVerification));
    return attempt;
  };

  /**
   * Sends the first-factor code (POST …/prepare_first_factor).
   * @example await signIn.prepareFirstFactor({ strategy: 'email_code' });
   */
  readonly prepareFirstFactor = async (params: SignInPrepareFirstFactorParams): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'prepareFirstFactor');
    const emailAddressId = params.emailAddressId ?? this.supportedFirstFactors.find((f) => f.strategy === params.strategy)?.emailAddressId;
    const json = await this.#ctx.call<SignInJSON>({
      method: 'POST',
      path: `/client/sign_ins/${encodeURIComponent(this.#id())}/prepare_first_factor`,
      body: { strategy: params.strategy, email_address_id: emailAddressId, redirect_url: params.redirectUrl },
    });
    return this.#ctx.signInFor(json);
  };

  /**
   * Checks the first factor (POST …/attempt_first_factor): a password, the emailed code, or a
   * password reset code.
   * @example await signIn.attemptFirstFactor({ strategy: 'email_code', code: '123456' });
   */
  readonly attemptFirstFactor = async (params: SignInAttemptFirstFactorParams): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'attemptFirstFactor');
    const body = params.strategy === 'password' ? { strategy: 'password', password: params.password } : params.strategy === 'email_link' ? { strategy: 'email_link' } : { strategy: params.strategy, code: params.code };
    const json = await this.#ctx.call<SignInJSON>({
      method: 'POST',
      path: `/client/sign_ins/${encodeURIComponent(this.#id())}/attempt_first_factor`,
      body,
    });
    return this.#ctx.signInFor(json);
  };

  /**
   * Texts a code to a number reserved for 2-step verification (POST …/prepare_second_factor).
   * @example await signIn.prepareSecondFactor({ strategy: 'phone_code' });
   */
  readonly prepareSecondFactor = async (params: SignInPrepareSecondFactorParams): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'prepareSecondFactor');
    const phoneNumberId = params.phoneNumberId ?? this.supportedSecondFactors?.find((f) => f.strategy === 'phone_code' && f.default)?.phoneNumberId;
    const json = await this.#ctx.call<SignInJSON>({
      method: 'POST',
      path: `/client/sign_ins/${encodeURIComponent(this.#id())}/prepare_second_factor`,
      body: { strategy: params.strategy, phone_number_id: phoneNumberId },
    });
    return this.#ctx.signInFor(json);
  };

  /**
   * Checks the second factor (POST …/attempt_second_factor) at `needs_second_factor`: an
   * authenticator code, the texted code, or a backup code. Answers `complete`.
   * @example await signIn.attemptSecondFactor({ strategy: 'totp', code: '123456' });
   */
  readonly attemptSecondFactor = async (params: SignInAttemptSecondFactorParams): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'attemptSecondFactor');
    const json = await this.#ctx.call<SignInJSON>({
      method: 'POST',
      path: `/client/sign_ins/${encodeURIComponent(this.#id())}/attempt_second_factor`,
      body: { strategy: params.strategy, code: params.code },
    });
    return this.#ctx.signInFor(json);
  };

  /**
   * Sets the new password after a verified reset code (POST …/reset_password). Answers `complete`
   * (or `needs_second_factor` for an account with one); activate it with `finalize()`.
   * @example
   * let attempt = await signIn.prepareFirstFactor({ strategy: 'reset_password_email_code' });
   * attempt = await attempt.attemptFirstFactor({ strategy: 'reset_password_email_code', code });
   * attempt = await attempt.resetPassword({ password: 'a new passphrase', signOutOfOtherSessions: true });
   */
  readonly resetPassword = async (params: SignInResetPasswordParams): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'resetPassword');
    const json = await this.#ctx.call<SignInJSON>({
      method: 'POST',
      path: `/client/sign_ins/${encodeURIComponent(this.#id())}/reset_password`,
      body: { password: params.password, sign_out_of_other_sessions: params.signOutOfOtherSessions },
    });
    return this.#ctx.signInFor(json);
  };

  /**
   * Confirms an emailed link — a sign-in link, and also a sign-up's or an added address's
   * verification link: call it from the page the link opens, on a click (a scanner's visit must
   * consume nothing), with its `__usher_link` parameter; it needs no attempt of its own (the link
   * may be opened on another device). `sameClient`: this browser started the sign-in, which is now
   * complete (or at its second step: see `signIn.status`); otherwise the tab that started it
   * completes by itself.
   * @example const { sameClient } = await usher.signIn.confirmEmailLink({ token: new URL(location.href).searchParams.get('__usher_link')! });
   */
  readonly confirmEmailLink = (params: { token: string }): Promise<EmailLinkConfirmation> => confirmEmailLink(this.#ctx, params.token);

  /**
   * Fetches the sign-in again (GET /v1/client/sign_ins/{id}).
   * @example const fresh = await signIn.reload();
   */
  readonly reload = async (): Promise<StartedSignIn> => {
    signInMachine.assert(this.status, 'reload');
    const json = await this.#ctx.call<SignInJSON>({ method: 'GET', path: `/client/sign_ins/${encodeURIComponent(this.#id())}` });
    return this.#ctx.signInFor(json);
  };

  /**
   * Makes the session this sign-in created the active one. Only when `status` is `complete`.
   * @example if (signIn.status === 'complete') await signIn.finalize();
   */
  readonly finalize = async (): Promise<void> => {
    signInMachine.assert(this.status, 'finalize');
    if (!this.createdSessionId) throw new UsherMisuseError('status_invalid', 'SignIn: finalize() needs a created session.');
    await this.#ctx.setActive(this.createdSessionId);
  };

  #id(): string {
    if (!this.id) throw new UsherMisuseError('status_invalid', 'SignIn: this call needs a sign-in created with create().');
    return this.id;
  }
}
