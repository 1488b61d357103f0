import type { InstanceConfig } from '../config/instance.ts';
import { generateVerificationCode, hashVerificationCode, unmatchableCodeHash, type CodeBinding } from '../crypto/codes.ts';
import { emailOutboxRecord, smsOutboxRecord } from '../mail/outbox-message.ts';
import { passwordResetCodeEmail, verificationCodeEmail } from '../mail/templates.ts';
import type { ConsumeVerificationResult, OutboxRecord, VerificationRecord } from '../store/types.ts';
import type { Runtime } from './runtime.ts';
import { UsherError } from '../errors.ts';
import { redemptionError } from './machines/verification.ts';

/** A fresh verification of `binding` (unverified, the instance's lifetime and attempt budget) storing `codeHash`. */
export function verificationRecord(rt: Runtime, config: InstanceConfig, binding: CodeBinding, codeHash: string, strategy: VerificationRecord['strategy'] = 'email_code'): VerificationRecord {
  const now = rt.now();
  return {
    id: rt.newId('ver'),
    purpose: binding.purpose,
    ownerId: binding.ownerId,
    strategy,
    codeHash,
    status: 'unverified',
    attempts: 0,
    maxAttempts: config.verification.maxAttempts,
    expireAt: now + config.verification.codeTtlSeconds * 1000,
    verifiedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Sends a fresh 6-digit code to `binding.target`: stores its HMAC and enqueues the email (a reset
 * code has its own wording) in one store call. A resend keeps the attempts already spent.
 */
export async function sendVerificationCode(rt: Runtime, config: InstanceConfig, binding: CodeBinding): Promise<VerificationRecord> {
  const code = generateVerificationCode(rt.random);
  const codeHash = await hashVerificationCode(rt.secret, binding, code);
  const render = binding.purpose === 'reset_password' ? passwordResetCodeEmail : verificationCodeEmail;
  const rendered = render({
    applicationName: config.applicationName,
    code,
    ttlMinutes: Math.round(config.verification.codeTtlSeconds / 60),
  });
  const message = emailOutboxRecord(rt, { to: binding.target, ...rendered });
  return rt.store.prepareVerification(verificationRecord(rt, config, binding, codeHash), message);
}

/** Texts a fresh 6-digit code to the phone number `binding.target` (E.164), like sendVerificationCode. */
export async function sendSmsVerificationCode(rt: Runtime, config: InstanceConfig, binding: CodeBinding): Promise<VerificationRecord> {
  const code = generateVerificationCode(rt.random);
  const codeHash = await hashVerificationCode(rt.secret, binding, code);
  const ttlMinutes = Math.round(config.verification.codeTtlSeconds / 60);
  const what = binding.purpose === 'reset_password' ? 'password reset code' : 'verification code';
  const message = smsOutboxRecord(rt, {
    to: binding.target,
    body: `${code} is your ${config.applicationName} ${what}. It expires in ${ttlMinutes} minutes.`,
    slug: 'verification_code',
    data: { application_name: config.applicationName, otp_code: code, ttl_minutes: ttlMinutes },
  });
  return rt.store.prepareVerification(verificationRecord(rt, config, binding, codeHash, 'phone_code'), message);
}

/**
 * Looks exactly like sendVerificationCode to the caller (same record, same store call) but stores
 * a hash no code matches and enqueues `message` instead of a code (a notice, or nothing at all).
 */
export async function sendDecoyVerification(rt: Runtime, config: InstanceConfig, binding: CodeBinding, message: OutboxRecord): Promise<VerificationRecord> {
  const codeHash = await unmatchableCodeHash(rt.secret, rt.random);
  return rt.store.prepareVerification(verificationRecord(rt, config, binding, codeHash), message);
}

/** Redeems a typed code. A malformed code is just a wrong one: it spends an attempt like any other. */
export async function redeemVerificationCode(rt: Runtime, binding: CodeBinding, code: string): Promise<ConsumeVerificationResult> {
  const codeHash = await hashVerificationCode(rt.secret, binding, code.trim());
  return rt.store.consumeVerification({ ownerId: binding.ownerId, purpose: binding.purpose, codeHash, now: rt.now() });
}

/** The error a failed redemption answers with, naming the `code` field (and the attempts left after a wrong code). */
export function codeRedemptionFailure(result: Exclude<ConsumeVerificationResult, { outcome: 'verified' }>): UsherError {
  const remaining = result.outcome === 'incorrect' ? Math.max(0, result.verification.maxAttempts - result.verification.attempts) : undefined;
  return new UsherError(redemptionError(result.outcome) ?? 'form_code_incorrect', { paramName: 'code', meta: remaining === undefined ? undefined : { remaining_attempts: remaining } });
}
