import type { EmailAddressJSON } from '@usher/protocol';
import type { ResourceContext } from './resource-context.ts';
import { Verification } from './verification.ts';

/**
 * One email address of a user. Immutable; methods are bound and answer the address as it is after
 * the call (the client snapshot refreshes too).
 *
 * @example
 * const added = await user.createEmailAddress({ email: 'ada@work.example' });
 * await added.prepareVerification({ strategy: 'email_code' });
 * await added.attemptVerification({ code: '123456' });
 */
export class EmailAddress {
  readonly id: string;
  readonly emailAddress: string;
  readonly verification: Verification | null;
  /** Whether its verification succeeded. */
  readonly verified: boolean;
  readonly #ctx: ResourceContext | null;
  readonly #userId: string | null;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: EmailAddressJSON, ctx: ResourceContext | null = null, userId: string | null = null) {
    this.id = json.id;
    this.emailAddress = json.email_address;
    this.verification = Verification.fromJSON(json.verification);
    this.verified = this.verification?.status === 'verified';
    this.#ctx = ctx;
    this.#userId = userId;
    Object.freeze(this);
  }

  #request(method: 'POST' | 'DELETE', suffix: string, body?: Record<string, string>): Promise<EmailAddressJSON> {
    if (!this.#ctx) throw new TypeError('This EmailAddress is not attached to a signed-in user.');
    const sessionId = this.#userId ? (this.#ctx.sessionIdFor(this.#userId) ?? undefined) : undefined;
    return this.#ctx.call<EmailAddressJSON>({ method, path: `/me/email_addresses/${this.id}${suffix}`, query: { _session_id: sessionId }, ...(body ? { body } : {}) });
  }

  /** Emails a 6-digit code to the address. */
  readonly prepareVerification = async (params: { strategy: 'email_code' } = { strategy: 'email_code' }): Promise<EmailAddress> => {
    return new EmailAddress(await this.#request('POST', '/prepare_verification', { strategy: params.strategy }), this.#ctx, this.#userId);
  };

  /** Redeems the code; the address is then usable to sign in. */
  readonly attemptVerification = async (params: { code: string }): Promise<EmailAddress> => {
    return new EmailAddress(await this.#request('POST', '/attempt_verification', { code: params.code }), this.#ctx, this.#userId);
  };

  /** Removes the address (never the primary one; a recent re-verification is needed). */
  readonly destroy = async (): Promise<void> => {
    await this.#request('DELETE', '');
  };

  toString(): string {
    return this.emailAddress;
  }
}
