/**
 * Per-client request budgets (see SECURITY.md, "Brute force and enumeration"). Every budget is
 * `limit` requests per `windowSeconds`; the window starts at the first request of a burst.
 * "Per IP" means per IPv4 address or per IPv6 /64 (one home or phone usually owns a whole /64).
 */
export interface RateLimitSetting {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitConfig {
  /** `POST /v1/client/sign_ins`, per IP. */
  signInCreate: RateLimitSetting;
  /** `POST /v1/client/sign_ups`, per IP. */
  signUpCreate: RateLimitSetting;
  /**
   * Guesses of a password or code, per IP: attempt_first_factor, attempt_verification, and a
   * sign-in created with a password (it checks the password in the same call).
   */
  factorAttempt: RateLimitSetting;
  /** Code emails for one sign-in or sign-up: the resend cooldown. */
  codeResend: RateLimitSetting;
  /** Code emails per IP, whichever sign-in or sign-up asks (mail bombing). */
  codeSend: RateLimitSetting;
  /** Every mutation, per IP: a ceiling above the specific budgets. */
  mutation: RateLimitSetting;
  /** Reads and token mints, per IP. */
  read: RateLimitSetting;
  /** Token mints per session (the SDK needs about one a minute per tab leader). */
  tokenMint: RateLimitSetting;
}

export type RateLimitName = keyof RateLimitConfig;

/** What the product enforces unless an operator changes it. */
export function defaultRateLimits(): RateLimitConfig {
  return {
    signInCreate: { limit: 5, windowSeconds: 10 },
    signUpCreate: { limit: 5, windowSeconds: 10 },
    factorAttempt: { limit: 3, windowSeconds: 10 },
    codeResend: { limit: 1, windowSeconds: 30 },
    codeSend: { limit: 5, windowSeconds: 600 },
    mutation: { limit: 60, windowSeconds: 10 },
    read: { limit: 120, windowSeconds: 10 },
    tokenMint: { limit: 10, windowSeconds: 10 },
  };
}

/**
 * Budgets no test or load generator reaches, for suites that make hundreds of requests from one
 * in-process "client" in a few milliseconds. The limiter still runs; it just never says no.
 *
 * @example
 * const config = mergeInstanceConfig(defaultInstanceConfig(), { rateLimits: relaxedRateLimits() });
 */
export function relaxedRateLimits(): RateLimitConfig {
  const relaxed = { limit: 1_000_000, windowSeconds: 1 };
  const defaults = defaultRateLimits();
  const out = {} as RateLimitConfig;
  for (const name of Object.keys(defaults) as RateLimitName[]) out[name] = { ...relaxed };
  return out;
}
