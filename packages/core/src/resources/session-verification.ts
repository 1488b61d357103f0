import type { SessionVerificationJSON } from '@usher/protocol';
import type { SignInFactor } from './sign-in.ts';
import { toFactor } from './sign-in.ts';
import { Verification } from './verification.ts';

/**
 * A re-verification round of the signed-in user (`session.startVerification()`): a fresh first
 * factor unlocks sensitive changes (password, addresses, account deletion) for 10 minutes.
 * `status` is 'complete' once it is done, or when the last verification is still recent.
 */
export class SessionVerification {
  readonly status: SessionVerificationJSON['status'];
  readonly level: SessionVerificationJSON['level'];
  readonly supportedFirstFactors: readonly SignInFactor[];
  readonly firstFactorVerification: Verification | null;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: SessionVerificationJSON) {
    this.status = json.status;
    this.level = json.level;
    this.supportedFirstFactors = Object.freeze(json.supported_first_factors.map(toFactor));
    this.firstFactorVerification = json.first_factor_verification ? new Verification(json.first_factor_verification) : null;
    Object.freeze(this);
  }
}
