import type { VerificationJSON } from '@usher/protocol';
import type { ResourceContext } from './resource-context.ts';
import { Verification } from './verification.ts';

/**
 * What an email address and a phone number of the signed-in user share: an id, a verification,
 * and calls under `/me/<collection>/<id>` made for the session that owns them.
 * @internal
 */
export abstract class IdentifierResource<J extends { id: string; verification: VerificationJSON | null }> {
  readonly id: string;
  readonly verification: Verification | null;
  /** Whether its verification succeeded. */
  readonly verified: boolean;
  protected readonly ctx: ResourceContext | null;
  protected readonly userId: string | null;
  readonly #collection: string;

  protected constructor(json: J, collection: string, ctx: ResourceContext | null, userId: string | null) {
    this.id = json.id;
    this.verification = Verification.fromJSON(json.verification);
    this.verified = this.verification?.status === 'verified';
    this.ctx = ctx;
    this.userId = userId;
    this.#collection = collection;
  }

  protected request(method: 'POST' | 'PATCH' | 'DELETE', suffix: string, body?: Record<string, string | boolean>): Promise<J> {
    if (!this.ctx) throw new TypeError('This resource is not attached to a signed-in user.');
    const sessionId = this.userId ? (this.ctx.sessionIdFor(this.userId) ?? undefined) : undefined;
    return this.ctx.call<J>({ method, path: `${this.#collection}/${this.id}${suffix}`, query: { _session_id: sessionId }, ...(body ? { body } : {}) });
  }

  /** Removes it from the account (a recent re-verification is needed). */
  readonly destroy = async (): Promise<void> => {
    await this.request('DELETE', '');
  };
}
