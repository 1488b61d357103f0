import { defaultRateLimits, type RateLimitConfig } from './rate-limits.ts';

/**
 * Instance settings: what the product lets users do. Stored in the store under
 * INSTANCE_CONFIG_KEY, seeded with these defaults, editable later through the Backend API/CLI.
 */
export interface InstanceConfig {
  applicationName: string;
  signUp: {
    mode: 'public' | 'restricted';
    legalConsentEnabled: boolean;
  };
  attributes: {
    /**
     * `firstFactors`: how an address signs in without a password; `verifications`: how a new address
     * is verified (sign-up, UserProfile). Each: a 6-digit code, a link (confirmed with a click), or both (the user chooses).
     */
    emailAddress: { enabled: boolean; required: boolean; usedForFirstFactor: boolean; firstFactors: Array<'email_code' | 'email_link'>; verifications: Array<'email_code' | 'email_link'> };
    /** Phone numbers in the user's profile, verified by SMS. Off by default: texts cost money and need a sender. */
    phoneNumber: { enabled: boolean };
    username: { enabled: boolean; required: boolean; usedForFirstFactor: boolean };
    firstName: { enabled: boolean; required: boolean };
    lastName: { enabled: boolean; required: boolean };
    password: { enabled: boolean; required: boolean };
  };
  password: {
    minLength: number;
    maxLength: number;
    /** Composition rules: off by default (NIST advises against them); each is shown met/unmet as the user types. */
    requireUppercase: boolean;
    requireLowercase: boolean;
    requireNumbers: boolean;
    requireSpecialChar: boolean;
    /** The lowest zxcvbn score a new password may have (0 turns the floor off). */
    minStrength: 0 | 1 | 2 | 3 | 4;
    /** Refuse passwords known from data breaches (the BreachChecker: a range service or the offline list). */
    breachCheck: boolean;
  };
  /** Same answer for known and unknown identifiers at sign-in start. */
  enumerationProtection: boolean;
  lockout: { maxAttempts: number; lockSeconds: number };
  /** Second factors users may set up, and whether every user must have one. */
  mfa: {
    /** Authenticator apps (TOTP). */
    totp: boolean;
    /** Backup codes, created with the first second factor. */
    backupCodes: boolean;
    /** Codes by SMS to a verified number the user reserves for it (also needs phone numbers on). Off by default: SMS is the weakest factor. */
    phoneCode: boolean;
    /** Users without a second factor are sent to set one up right after signing in, and cannot remove their last one. */
    required: boolean;
  };
  sessions: {
    singleSessionMode: boolean;
    inactivityTimeoutSeconds: number;
    maxLifetimeSeconds: number;
  };
  verification: { codeTtlSeconds: number; maxAttempts: number };
  urls: { home: string; signIn: string; signUp: string; afterSignIn: string; afterSignUp: string; afterSignOut: string };
  branding: { logoImageUrl: string | null; defaultAvatar: 'marble' | 'initials'; privacyPolicyUrl: string | null; termsUrl: string | null };
  /** Per-IP (and per-attempt, per-session) request budgets; over budget is 429 with Retry-After. */
  rateLimits: RateLimitConfig;
  /** Extra claims (with `{{user.*}}` shortcodes) on every session token; null for none. */
  sessionToken: { customClaims: Record<string, unknown> | null };
  account: { deleteSelfEnabled: boolean };
  /** Who delivers messages: Usher (mailer, SMS sender), or the app itself from the email.created / sms.created webhooks. */
  delivery: { email: 'usher' | 'app'; sms: 'usher' | 'app' };
}

export const INSTANCE_CONFIG_KEY = 'instance_config';

export function defaultInstanceConfig(): InstanceConfig {
  return {
    applicationName: 'Usher',
    signUp: { mode: 'public', legalConsentEnabled: false },
    attributes: {
      emailAddress: { enabled: true, required: true, usedForFirstFactor: true, firstFactors: ['email_code'], verifications: ['email_code'] },
      phoneNumber: { enabled: false },
      username: { enabled: false, required: false, usedForFirstFactor: true },
      firstName: { enabled: true, required: false },
      lastName: { enabled: true, required: false },
      password: { enabled: true, required: true },
    },
    // Score 2 resists a throttled online attack (10⁸ guesses), which is what sign-in faces behind
    // rate limits and the lockout; the breach check catches the common passwords it might not.
    password: { minLength: 8, maxLength: 256, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSpecialChar: false, minStrength: 2, breachCheck: true },
    enumerationProtection: true,
    lockout: { maxAttempts: 100, lockSeconds: 3600 },
    mfa: { totp: true, backupCodes: true, phoneCode: false, required: false },
    sessions: { singleSessionMode: true, inactivityTimeoutSeconds: 7 * 24 * 3600, maxLifetimeSeconds: 30 * 24 * 3600 },
    verification: { codeTtlSeconds: 600, maxAttempts: 5 },
    urls: { home: '/', signIn: '/sign-in', signUp: '/sign-up', afterSignIn: '/', afterSignUp: '/', afterSignOut: '/' },
    branding: { logoImageUrl: null, defaultAvatar: 'marble', privacyPolicyUrl: null, termsUrl: null },
    rateLimits: defaultRateLimits(),
    sessionToken: { customClaims: null },
    account: { deleteSelfEnabled: true },
    delivery: { email: 'usher', sms: 'usher' },
  };
}
