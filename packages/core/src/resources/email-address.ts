import type { EmailAddressJSON } from '@usher/protocol';
import { Verification } from './verification.ts';

/**
 * One email address of a user. Immutable.
 *
 * @example
 * user.primaryEmailAddress?.emailAddress; // 'ada@example.com'
 */
export class EmailAddress {
  readonly id: string;
  readonly emailAddress: string;
  readonly verification: Verification | null;
  /** Whether its verification succeeded. */
  readonly verified: boolean;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: EmailAddressJSON) {
    this.id = json.id;
    this.emailAddress = json.email_address;
    this.verification = Verification.fromJSON(json.verification);
    this.verified = this.verification?.status === 'verified';
    Object.freeze(this);
  }

  toString(): string {
    return this.emailAddress;
  }
}
