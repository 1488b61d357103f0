import type { VerificationJSON, VerificationStatus, VerificationStrategy } from '@usher/protocol';

/**
 * The state of one code or password check. Immutable.
 *
 * @example
 * if (signUp.verifications.emailAddress?.status === 'verified') goOn();
 */
export class Verification {
  readonly status: VerificationStatus;
  readonly strategy: VerificationStrategy | null;
  /** Wrong attempts spent so far. */
  readonly attempts: number;
  /** Unix milliseconds when the code stops working, if it is a code. */
  readonly expireAt: number | null;
  /** OAuth, in the answer that started the flow: the provider page to open. */
  readonly externalVerificationRedirectUrl: string | null;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: VerificationJSON) {
    this.status = json.status;
    this.strategy = json.strategy;
    this.attempts = json.attempts;
    this.expireAt = json.expire_at;
    this.externalVerificationRedirectUrl = json.external_verification_redirect_url ?? null;
    Object.freeze(this);
  }

  /** Builds one when the JSON has one. */
  static fromJSON(json: VerificationJSON | null | undefined): Verification | null {
    return json ? new Verification(json) : null;
  }
}
