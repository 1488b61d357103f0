import type { ActiveSessionJSON, BackupCodesJSON, EmailAddressJSON, ListJSON, OAuthAuthorizationJSON, PhoneNumberJSON, TotpJSON, UserJSON } from '@usher/protocol';
import { ExternalAccount } from './external-account.ts';
import { goToProvider, oauthStartBody, type AuthenticateWithRedirectParams } from './oauth.ts';
import { PhoneNumber } from './phone-number.ts';
import { resizeImage } from './resize-image.ts';
import { toSessionWithActivity, type SessionWithActivity } from './session-with-activity.ts';
import { deepEqual } from '../internal/deep-equal.ts';
import { deepFreeze } from '../internal/freeze.ts';
import { EmailAddress } from './email-address.ts';
import type { ResourceContext } from './resource-context.ts';

/** Profile fields the user may change. `null` clears a field. */
export interface UpdateUserParams {
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  /** One of the user's verified addresses (a recent re-verification is needed). */
  primaryEmailAddressId?: string;
  /** One of the user's verified phone numbers (a recent re-verification is needed). */
  primaryPhoneNumberId?: string;
}

export interface UpdatePasswordParams {
  /** Required when the user has a password. */
  currentPassword?: string;
  newPassword: string;
  /** Revokes every other session of the user (default false). */
  signOutOfOtherSessions?: boolean;
}

/** An authenticator app being set up (secret and URI) or just turned on (backup codes, the first time). */
export interface Totp {
  readonly verified: boolean;
  /** RFC 4648 base32, for typing into the app by hand; null once verified. */
  readonly secret: string | null;
  /** `otpauth://totp/…`, for the QR code; null once verified. */
  readonly uri: string | null;
  readonly backupCodes: readonly string[] | null;
}

function toTotp(json: TotpJSON): Totp {
  return Object.freeze({ verified: json.verified, secret: json.secret, uri: json.uri, backupCodes: json.backup_codes ? Object.freeze([...json.backup_codes]) : null });
}

/**
 * The signed-in user. Immutable; `update()` answers the new User and refreshes the snapshot.
 * Methods are bound, so `const { update } = user` works.
 *
 * @example
 * const updated = await usher.getSnapshot().user?.update({ firstName: 'Ada' });
 */
export class User {
  readonly id: string;
  readonly username: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** First and last name joined, or null when both are empty. */
  readonly fullName: string | null;
  readonly imageUrl: string;
  readonly hasImage: boolean;
  readonly primaryEmailAddressId: string | null;
  readonly primaryEmailAddress: EmailAddress | null;
  readonly emailAddresses: readonly EmailAddress[];
  readonly primaryPhoneNumberId: string | null;
  readonly primaryPhoneNumber: PhoneNumber | null;
  readonly phoneNumbers: readonly PhoneNumber[];
  readonly passwordEnabled: boolean;
  /** Provider accounts linked to the user (Connected accounts), oldest first. */
  readonly externalAccounts: readonly ExternalAccount[];
  /** Sign-in asks for a second factor (an authenticator app or a reserved phone number). */
  readonly twoFactorEnabled: boolean;
  readonly totpEnabled: boolean;
  /** Unused backup codes remain. */
  readonly backupCodeEnabled: boolean;
  readonly publicMetadata: Readonly<Record<string, unknown>>;
  readonly unsafeMetadata: Readonly<Record<string, unknown>>;
  /** Unix milliseconds. */
  readonly lastSignInAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly #json: UserJSON;
  readonly #ctx: ResourceContext;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: UserJSON, ctx: ResourceContext) {
    this.#json = json;
    this.#ctx = ctx;
    this.id = json.id;
    this.username = json.username;
    this.firstName = json.first_name;
    this.lastName = json.last_name;
    this.fullName = [json.first_name, json.last_name].filter(Boolean).join(' ') || null;
    this.imageUrl = json.image_url;
    this.hasImage = json.has_image;
    this.primaryEmailAddressId = json.primary_email_address_id;
    this.emailAddresses = Object.freeze(json.email_addresses.map((e) => new EmailAddress(e, ctx, json.id)));
    this.primaryEmailAddress = this.emailAddresses.find((e) => e.id === json.primary_email_address_id) ?? null;
    this.primaryPhoneNumberId = json.primary_phone_number_id ?? null;
    this.phoneNumbers = Object.freeze((json.phone_numbers ?? []).map((p) => new PhoneNumber(p, ctx, json.id)));
    this.primaryPhoneNumber = this.phoneNumbers.find((p) => p.id === this.primaryPhoneNumberId) ?? null;
    this.passwordEnabled = json.password_enabled;
    this.externalAccounts = Object.freeze((json.external_accounts ?? []).map((a) => new ExternalAccount(a, ctx, json.id)));
    this.twoFactorEnabled = json.two_factor_enabled;
    this.totpEnabled = json.totp_enabled ?? false;
    this.backupCodeEnabled = json.backup_code_enabled ?? false;
    this.publicMetadata = deepFreeze(structuredClone(json.public_metadata ?? {}));
    this.unsafeMetadata = deepFreeze(structuredClone(json.unsafe_metadata ?? {}));
    this.lastSignInAt = json.last_sign_in_at;
    this.createdAt = json.created_at;
    this.updatedAt = json.updated_at;
    Object.freeze(this);
  }

  /** @internal the previous instance when nothing changed, so snapshots keep their identity */
  static share(json: UserJSON, ctx: ResourceContext, previous: User | null | undefined): User {
    if (previous && previous.id === json.id && deepEqual(previous.#json, json)) return previous;
    return new User(json, ctx);
  }

  /**
   * Updates the profile (PATCH /v1/me) and answers the updated user.
   * @example await user.update({ firstName: 'Ada', lastName: 'Lovelace' });
   */
  readonly update = async (params: UpdateUserParams): Promise<User> => {
    const body: Record<string, string | null> = {};
    if (params.firstName !== undefined) body.first_name = params.firstName;
    if (params.lastName !== undefined) body.last_name = params.lastName;
    if (params.username !== undefined) body.username = params.username;
    if (params.primaryEmailAddressId !== undefined) body.primary_email_address_id = params.primaryEmailAddressId;
    if (params.primaryPhoneNumberId !== undefined) body.primary_phone_number_id = params.primaryPhoneNumberId;
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    const json = await this.#ctx.call<UserJSON>({ method: 'PATCH', path: '/me', query: { _session_id: sessionId }, body });
    return this.#ctx.userFor(json);
  };

  /**
   * Fetches the user again (GET /v1/me), e.g. to see an address verified by a link opened on another device.
   * @example const fresh = await user.reload();
   */
  readonly reload = async (): Promise<User> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    return this.#ctx.userFor(await this.#ctx.call<UserJSON>({ method: 'GET', path: '/me', query: { _session_id: sessionId } }));
  };

  /**
   * Adds an unverified address (a recent re-verification is needed); verify it with the code or
   * link it is sent by `prepareVerification()`.
   * @example const added = await user.createEmailAddress({ email: 'ada@work.example' });
   */
  readonly createEmailAddress = async (params: { email: string }): Promise<EmailAddress> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    const json = await this.#ctx.call<EmailAddressJSON>({ method: 'POST', path: '/me/email_addresses', query: { _session_id: sessionId }, body: { email_address: params.email } });
    return new EmailAddress(json, this.#ctx, this.id);
  };

  /**
   * Adds an unverified phone number (E.164; the instance must enable phone numbers, and a recent
   * re-verification is needed); verify it with the code `prepareVerification()` texts.
   * @example const added = await user.createPhoneNumber({ phoneNumber: '+15555550100' });
   */
  readonly createPhoneNumber = async (params: { phoneNumber: string }): Promise<PhoneNumber> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    const json = await this.#ctx.call<PhoneNumberJSON>({ method: 'POST', path: '/me/phone_numbers', query: { _session_id: sessionId }, body: { phone_number: params.phoneNumber } });
    return new PhoneNumber(json, this.#ctx, this.id);
  };

  /**
   * Connects a provider account (POST /v1/me/external_accounts): leaves for the provider's page and
   * answers its URL. The person comes back to `redirectUrl`, which calls `usher.handleRedirectCallback()`.
   * @example await user.createExternalAccount({ strategy: 'oauth_github', redirectUrl: '/sso-callback', redirectUrlComplete: '/account' });
   */
  readonly createExternalAccount = async (params: AuthenticateWithRedirectParams): Promise<string> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    const json = await this.#ctx.call<OAuthAuthorizationJSON>({ method: 'POST', path: '/me/external_accounts', query: { _session_id: sessionId }, body: oauthStartBody(params) });
    return goToProvider(this.#ctx, json.external_verification_redirect_url);
  };

  /**
   * Sets the profile image (resized in the browser to at most 512 px first), or removes it with
   * `file: null` (the default avatar shows again). Answers the updated user.
   * @example await user.setProfileImage({ file: input.files[0] });
   */
  readonly setProfileImage = async (params: { file: Blob | null }): Promise<User> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    if (params.file === null) return this.#ctx.userFor(await this.#ctx.call<UserJSON>({ method: 'DELETE', path: '/me/profile_image', query: { _session_id: sessionId } }));
    // Raw bytes with their type, not FormData: every fetch (and test environment) sends those alike.
    const image = await resizeImage(params.file);
    const upload = { bytes: new Uint8Array(await image.arrayBuffer()), contentType: image.type.startsWith('image/') ? image.type : 'image/unknown' };
    return this.#ctx.userFor(await this.#ctx.call<UserJSON>({ method: 'POST', path: '/me/profile_image', query: { _session_id: sessionId }, upload }));
  };

  /**
   * Every device the user is signed in on, this one first (GET /v1/me/sessions/active).
   * @example for (const device of await user.getSessions()) console.log(device.latestActivity.browserName, device.isThisDevice);
   */
  readonly getSessions = async (): Promise<SessionWithActivity[]> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    const list = await this.#ctx.call<ListJSON<ActiveSessionJSON>>({ method: 'GET', path: '/me/sessions/active', query: { _session_id: sessionId } });
    return list.data.map((json) => toSessionWithActivity(json, this.#ctx, sessionId));
  };

  /**
   * Sets or changes the password (POST /v1/me/change_password). Without a current password (an
   * email-code account), a recent re-verification is needed (see Session.startVerification).
   * @example await user.updatePassword({ currentPassword, newPassword, signOutOfOtherSessions: true });
   */
  readonly updatePassword = async (params: UpdatePasswordParams): Promise<User> => {
    const body: Record<string, string | boolean> = { new_password: params.newPassword };
    if (params.currentPassword !== undefined) body.current_password = params.currentPassword;
    if (params.signOutOfOtherSessions !== undefined) body.sign_out_of_other_sessions = params.signOutOfOtherSessions;
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    return this.#ctx.userFor(await this.#ctx.call<UserJSON>({ method: 'POST', path: '/me/change_password', query: { _session_id: sessionId }, body }));
  };

  /**
   * Starts setting up an authenticator app (POST /v1/me/totp; a recent re-verification is
   * needed): the secret and the `otpauth://` URI to show as a QR code. Nothing changes for
   * sign-in until `verifyTotp()` gets a right code.
   * @example const { uri, secret } = await user.createTotp();
   */
  readonly createTotp = async (): Promise<Totp> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    return toTotp(await this.#ctx.call<TotpJSON>({ method: 'POST', path: '/me/totp', query: { _session_id: sessionId }, body: {} }));
  };

  /**
   * Turns the authenticator app on with its first code. When it is the account's first second
   * factor, `backupCodes` holds 10 new codes: show them once.
   * @example const { backupCodes } = await user.verifyTotp({ code: '123456' });
   */
  readonly verifyTotp = async (params: { code: string }): Promise<Totp> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    return toTotp(await this.#ctx.call<TotpJSON>({ method: 'POST', path: '/me/totp/attempt_verification', query: { _session_id: sessionId }, body: { code: params.code } }));
  };

  /**
   * Removes the authenticator app (DELETE /v1/me/totp; a recent re-verification is needed).
   * @example await user.disableTotp();
   */
  readonly disableTotp = async (): Promise<void> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    await this.#ctx.call<unknown>({ method: 'DELETE', path: '/me/totp', query: { _session_id: sessionId } });
  };

  /**
   * A new set of 10 backup codes (POST /v1/me/backup_codes); the earlier ones stop working.
   * @example const { codes } = await user.createBackupCodes();
   */
  readonly createBackupCodes = async (): Promise<{ codes: readonly string[] }> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    const json = await this.#ctx.call<BackupCodesJSON>({ method: 'POST', path: '/me/backup_codes', query: { _session_id: sessionId }, body: {} });
    return Object.freeze({ codes: Object.freeze([...json.codes]) });
  };

  /**
   * Deletes the account (DELETE /v1/me) when the instance allows it, after a recent
   * re-verification; this device is signed out.
   * @example await user.delete();
   */
  readonly delete = async (): Promise<void> => {
    const sessionId = this.#ctx.sessionIdFor(this.id) ?? undefined;
    await this.#ctx.call<unknown>({ method: 'DELETE', path: '/me', query: { _session_id: sessionId } });
  };
}
