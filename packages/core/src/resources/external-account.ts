import type { ExternalAccountJSON, UserJSON } from '@usher/protocol';
import type { ResourceContext } from './resource-context.ts';

/**
 * A provider account (Google, GitHub, an OpenID provider…) linked to the signed-in user: the
 * "Connected accounts" of UserProfile. Immutable.
 *
 * @example
 * for (const account of user.externalAccounts) console.log(account.provider, account.emailAddress);
 * await user.externalAccounts[0]?.destroy();
 */
export class ExternalAccount {
  readonly id: string;
  /** The provider's id at this instance, e.g. `google`. */
  readonly provider: string;
  readonly strategy: `oauth_${string}`;
  /** The account's id at the provider (`sub`). */
  readonly providerUserId: string;
  readonly emailAddress: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly username: string | null;
  readonly imageUrl: string | null;
  readonly createdAt: number;
  readonly #ctx: ResourceContext;
  readonly #userId: string | null;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: ExternalAccountJSON, ctx: ResourceContext, userId: string | null = null) {
    this.id = json.id;
    this.provider = json.provider;
    this.strategy = json.strategy;
    this.providerUserId = json.provider_user_id;
    this.emailAddress = json.email_address;
    this.firstName = json.first_name;
    this.lastName = json.last_name;
    this.username = json.username;
    this.imageUrl = json.image_url;
    this.createdAt = json.created_at;
    this.#ctx = ctx;
    this.#userId = userId;
    Object.freeze(this);
  }

  /**
   * Disconnects it (DELETE /v1/me/external_accounts/{id}). Refused with
   * `external_account_last_identification` when it is the account's only way to sign in.
   * @example await account.destroy();
   */
  readonly destroy = async (): Promise<void> => {
    const sessionId = this.#userId ? (this.#ctx.sessionIdFor(this.#userId) ?? undefined) : undefined;
    await this.#ctx.call<UserJSON>({ method: 'DELETE', path: `/me/external_accounts/${encodeURIComponent(this.id)}`, query: { _session_id: sessionId } });
  };
}
