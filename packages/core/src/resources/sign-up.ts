import type { SignUpField, SignUpJSON, SignUpStatus } from '@usher/protocol';
import { UsherMisuseError } from '../errors.ts';
import { deepEqual } from '../internal/deep-equal.ts';
import { signUpMachine } from '../machines/sign-up-machine.ts';
import { goToProvider, oauthStartBody, providerPageOf, type AuthenticateWithRedirectParams } from './oauth.ts';
import { confirmEmailLink, type EmailLinkConfirmation } from './email-link-confirmation.ts';
import type { ResourceContext } from './resource-context.ts';
import { Verification } from './verification.ts';

/** Fields of a sign-up. Omitted fields are left as they are. */
export interface SignUpParams {
  emailAddress?: string;
  password?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  legalAccepted?: boolean;
  redirectUrl?: string;
}

function toBody(params: SignUpParams): Record<string, unknown> {
  return {
    email_address: params.emailAddress,
    password: params.password,
    username: params.username,
    first_name: params.firstName,
    last_name: params.lastName,
    legal_accepted: params.legalAccepted,
    redirect_url: params.redirectUrl,
  };
}

/** How `prepareEmailAddressVerification` sends: a code (default), or a link to the app's page `redirectUrl`. */
export type SignUpPrepareVerificationParams = { strategy?: 'email_code' } | { strategy: 'email_link'; redirectUrl: string };

/** The emailed code; or, once the emailed link was confirmed (on any device), `email_link` finishes on this device. */
export type SignUpAttemptVerificationParams = { strategy?: 'email_code'; code: string } | { strategy: 'email_link' };

/**
 * A sign-up that exists on the server (id and status known): what every SignUp call answers.
 * @example const attempt: StartedSignUp = await signUp.create({ emailAddress }); attempt.status; // never null
 */
export type StartedSignUp = SignUp & { readonly id: string; readonly status: SignUpStatus };

/**
 * The client's current sign-up attempt. Before `create()` it is empty (`id` and `status` null).
 * Immutable: each method answers the updated SignUp (also published in the Usher snapshot).
 * Methods are bound and refuse, with an {@link UsherMisuseError}, calls the status does not
 * allow. When `status` is `complete`, activate the new session with `finalize()`.
 *
 * @example
 * let attempt = await usher.getSnapshot().signUp.create({ emailAddress, password });
 * await attempt.prepareEmailAddressVerification();
 * attempt = await attempt.attemptEmailAddressVerification({ code });
 * if (attempt.status === 'complete') await attempt.finalize();
 */
export class SignUp {
  readonly id: string | null;
  readonly status: SignUpStatus | null;
  readonly requiredFields: readonly SignUpField[];
  readonly optionalFields: readonly SignUpField[];
  readonly missingFields: readonly SignUpField[];
  readonly unverifiedFields: readonly 'email_address'[];
  /** `externalAccount`: the provider account a social sign-up came with (verified: no password needed). */
  readonly verifications: { readonly emailAddress: Verification | null; readonly externalAccount: Verification | null };
  readonly emailAddress: string | null;
  readonly username: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly passwordEnabled: boolean;
  readonly legalAcceptedAt: number | null;
  readonly createdSessionId: string | null;
  readonly createdUserId: string | null;
  readonly abandonAt: number | null;
  readonly #json: SignUpJSON | null;
  readonly #ctx: ResourceContext;

  /** @internal built by the SDK from the API's JSON (null: no attempt yet) */
  constructor(json: SignUpJSON | null, ctx: ResourceContext) {
    this.#json = json;
    this.#ctx = ctx;
    this.id = json?.id ?? null;
    this.status = json?.status ?? null;
    this.requiredFields = Object.freeze([...(json?.required_fields ?? [])]);
    this.optionalFields = Object.freeze([...(json?.optional_fields ?? [])]);
    this.missingFields = Object.freeze([...(json?.missing_fields ?? [])]);
    this.unverifiedFields = Object.freeze([...(json?.unverified_fields ?? [])]);
    this.verifications = Object.freeze({ emailAddress: Verification.fromJSON(json?.verifications?.email_address), externalAccount: Verification.fromJSON(json?.verifications?.external_account) });
    this.emailAddress = json?.email_address ?? null;
    this.username = json?.username ?? null;
    this.firstName = json?.first_name ?? null;
    this.lastName = json?.last_name ?? null;
    this.passwordEnabled = json?.password_enabled ?? false;
    this.legalAcceptedAt = json?.legal_accepted_at ?? null;
    this.createdSessionId = json?.created_session_id ?? null;
    this.createdUserId = json?.created_user_id ?? null;
    this.abandonAt = json?.abandon_at ?? null;
    Object.freeze(this);
  }

  /** @internal the previous instance when nothing changed, so snapshots keep their identity */
  static share(json: SignUpJSON, ctx: ResourceContext, previous: SignUp | null | undefined): SignUp {
    if (previous && previous.id === json.id && deepEqual(previous.#json, json)) return previous;
    return new SignUp(json, ctx);
  }

  /**
   * Starts a new sign-up (POST /v1/client/sign_ups).
   * @example await signUp.create({ emailAddress: 'ada@example.com', password: 'a long passphrase' });
   */
  readonly create = async (params: SignUpParams): Promise<StartedSignUp> => {
    signUpMachine.assert(this.status, 'create');
    const json = await this.#ctx.call<SignUpJSON>({ method: 'POST', path: '/client/sign_ups', body: toBody(params) });
    return this.#ctx.signUpFor(json);
  };

  /**
   * Starts a new sign-up with a social / OpenID provider (POST /v1/client/sign_ups with its
   * `oauth_<id>` strategy) and leaves for the provider's page; `legalAccepted` when the instance
   * asks for consent and the person gave it. The person comes back to `redirectUrl`.
   * @example await signUp.authenticateWithRedirect({ strategy: 'oauth_github', redirectUrl: '/sso-callback' });
   */
  readonly authenticateWithRedirect = async (params: AuthenticateWithRedirectParams & { legalAccepted?: boolean }): Promise<StartedSignUp> => {
    signUpMachine.assert(this.status, 'create');
    const attempt = this.#ctx.signUpFor(await this.#ctx.call<SignUpJSON>({ method: 'POST', path: '/client/sign_ups', body: oauthStartBody(params, params.legalAccepted) }));
    await goToProvider(this.#ctx, providerPageOf(attempt.verifications.externalAccount));
    return attempt;
  };

  /**
   * Adds or changes fields of this sign-up (PATCH /v1/client/sign_ups/{id}).
   * @example await signUp.update({ firstName: 'Ada' });
   */
  readonly update = async (params: SignUpParams): Promise<StartedSignUp> => {
    signUpMachine.assert(this.status, 'update');
    const json = await this.#ctx.call<SignUpJSON>({ method: 'PATCH', path: `/client/sign_ups/${encodeURIComponent(this.#id())}`, body: toBody(params) });
    return this.#ctx.signUpFor(json);
  };

  /**
   * Emails the sign-up's address a verification code (the default), or a link (`email_link`, on
   * instances that enable links: see `environment.userSettings.attributes.emailAddress.verifications`)
   * to the app's page `redirectUrl`, which calls `confirmEmailLink()` (POST …/prepare_verification).
   * @example await signUp.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: `${location.origin}/sign-up/verify` });
   */
  readonly prepareEmailAddressVerification = async (params: SignUpPrepareVerificationParams = {}): Promise<StartedSignUp> => {
    signUpMachine.assert(this.status, 'prepareEmailAddressVerification');
    const json = await this.#ctx.call<SignUpJSON>({
      method: 'POST',
      path: `/client/sign_ups/${encodeURIComponent(this.#id())}/prepare_verification`,
      body: params.strategy === 'email_link' ? { strategy: 'email_link', redirect_url: params.redirectUrl } : { strategy: 'email_code' },
    });
    return this.#ctx.signUpFor(json);
  };

  /**
   * Checks the emailed code, or — `{ strategy: 'email_link' }`, on the device that started the
   * sign-up — finishes once its link was confirmed on any device (POST …/attempt_verification);
   * the sign-up completes when nothing else is missing.
   * @example await signUp.attemptEmailAddressVerification({ code: '123456' });
   */
  readonly attemptEmailAddressVerification = async (params: SignUpAttemptVerificationParams): Promise<StartedSignUp> => {
    signUpMachine.assert(this.status, 'attemptEmailAddressVerification');
    const json = await this.#ctx.call<SignUpJSON>({
      method: 'POST',
      path: `/client/sign_ups/${encodeURIComponent(this.#id())}/attempt_verification`,
      body: params.strategy === 'email_link' ? { strategy: 'email_link' } : { strategy: 'email_code', code: params.code },
    });
    return this.#ctx.signUpFor(json);
  };

  /**
   * Confirms an emailed link from the page it opens, on a click (see `signIn.confirmEmailLink`):
   * a sign-up link completes the sign-up when this browser started it (`signUp`).
   * @example const { sameClient, signUp } = await usher.signUp.confirmEmailLink({ token });
   */
  readonly confirmEmailLink = (params: { token: string }): Promise<EmailLinkConfirmation> => confirmEmailLink(this.#ctx, params.token);

  /**
   * Fetches the sign-up again (GET /v1/client/sign_ups/{id}): how a tab waiting for its link learns it was confirmed.
   * @example const fresh = await signUp.reload();
   */
  readonly reload = async (): Promise<StartedSignUp> => {
    signUpMachine.assert(this.status, 'reload');
    const json = await this.#ctx.call<SignUpJSON>({ method: 'GET', path: `/client/sign_ups/${encodeURIComponent(this.#id())}` });
    return this.#ctx.signUpFor(json);
  };

  /**
   * Makes the session this sign-up created the active one. Only when `status` is `complete`.
   * @example if (signUp.status === 'complete') await signUp.finalize();
   */
  readonly finalize = async (): Promise<void> => {
    signUpMachine.assert(this.status, 'finalize');
    if (!this.createdSessionId) throw new UsherMisuseError('status_invalid', 'SignUp: finalize() needs a created session.');
    await this.#ctx.setActive(this.createdSessionId);
  };

  #id(): string {
    if (!this.id) throw new UsherMisuseError('status_invalid', 'SignUp: this call needs a sign-up created with create().');
    return this.id;
  }
}
