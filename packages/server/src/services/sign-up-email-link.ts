import type { InstanceConfig } from '../config/instance.ts';
import { hashVerificationCode, unmatchableCodeHash, type CodeBinding } from '../crypto/codes.ts';
import { isWellFormedId } from '../crypto/ids.ts';
import { UsherError } from '../errors.ts';
import { publicLink } from '../mail/links.ts';
import { emailOutboxRecord } from '../mail/outbox-message.ts';
import { signUpAttemptedEmail, verificationLinkEmail } from '../mail/templates.ts';
import type { SignUpRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { assertEmailVerificationStrategy, linkLandingUrl, newLinkSecret, withLinkToken } from './email-links.ts';
import { canUpdate } from './machines/sign-up.ts';
import type { Runtime } from './runtime.ts';
import { completeIfReady, getOwnSignUp } from './sign-ups.ts';
import { verificationRecord } from './verifications.ts';

/**
 * A sign-up's address verified by an emailed link instead of a code: the token is the sign-up id
 * and 256 random bits, of which only an HMAC bound to the sign-up and its address is stored (so a
 * link stops working once the address changes), valid for the code lifetime, single use.
 */

const binding = (signUp: SignUpRecord & { emailAddress: string }): CodeBinding => ({ purpose: 'sign_up_link', ownerId: signUp.id, target: signUp.emailAddress });

const expired = () => new UsherError('verification_expired', { paramName: 'token', longMessage: 'This verification link has expired. Ask for a new one.' });
const invalid = () => new UsherError('verification_failed', { paramName: 'token', longMessage: 'This verification link is not valid. Ask for a new one.' });
const used = () => new UsherError('verification_already_verified', { paramName: 'token', longMessage: 'This verification link was already used.' });

function withAddress(signUp: SignUpRecord): SignUpRecord & { emailAddress: string } {
  if (signUp.emailAddress === null) throw new UsherError('form_param_missing', { paramName: 'email_address', longMessage: 'Add an email address to the sign-up before asking for a link.' });
  return signUp as SignUpRecord & { emailAddress: string };
}

/**
 * prepare_verification with `email_link`: emails a link to `redirectUrl` (checked like a sign-in
 * link's page). When the address already belongs to an account the answer is the same, but the
 * owner is sent the "someone tried to sign up" notice instead, and what is stored matches no link.
 */
export async function prepareSignUpEmailLink(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, redirectUrl: string | undefined, origin: string | null): Promise<SignUpRecord> {
  const signUp = await getOwnSignUp(rt, ctx, id);
  if (!canUpdate(signUp.status)) throw new UsherError('sign_up_status_invalid', { longMessage: 'This sign-up is already complete.' });
  assertEmailVerificationStrategy(config, 'email_link');
  const bound = binding(withAddress(signUp));
  if (signUp.emailVerifiedAt !== null) throw new UsherError('verification_already_verified');
  const url = linkLandingUrl(rt, redirectUrl, origin);
  const owner = await rt.store.findUserByEmailAddress(bound.target);
  let message;
  let codeHash: string;
  if (owner) {
    message = emailOutboxRecord(rt, { to: bound.target, ...signUpAttemptedEmail({ applicationName: config.applicationName, signInUrl: publicLink(rt.config.publicUrl, config.urls.signIn) }) });
    codeHash = await unmatchableCodeHash(rt.secret, rt.random);
  } else {
    const secret = newLinkSecret(rt);
    const ttlMinutes = Math.round(config.verification.codeTtlSeconds / 60);
    message = emailOutboxRecord(rt, { to: bound.target, ...verificationLinkEmail({ applicationName: config.applicationName, url: withLinkToken(url, signUp.id, secret), ttlMinutes, purpose: 'sign_up' }) });
    codeHash = await hashVerificationCode(rt.secret, bound, secret);
  }
  await rt.store.prepareVerification(verificationRecord(rt, config, bound, codeHash, 'email_link'), message);
  return signUp;
}

export interface SignUpLinkConfirmation {
  /** Confirmed on the device that started the sign-up: the address is verified and the sign-up completed when nothing else was missing. */
  sameClient: boolean;
  signUp: SignUpRecord;
}

/**
 * The click on the page a sign-up link opened (POST /v1/client/email_links/confirm). The link is
 * spent once; the sign-up's address becomes verified. On the device that started the sign-up it
 * completes there (client token rotated); elsewhere nothing else happens: the waiting tab finishes
 * with attempt_verification `email_link`, and this device gets no session.
 */
export async function confirmSignUpLink(rt: Runtime, config: InstanceConfig, ctx: ClientContext, signUpId: string, secret: string): Promise<SignUpLinkConfirmation> {
  if (!isWellFormedId('sua', signUpId) || secret.length === 0) throw invalid();
  const signUp = await rt.store.getSignUp(signUpId);
  if (!signUp || signUp.abandonAt <= rt.now()) throw expired();
  if (signUp.emailAddress === null) throw invalid();
  if (signUp.status !== 'missing_requirements' || signUp.emailVerifiedAt !== null) throw new UsherError('verification_already_verified', { paramName: 'token', longMessage: 'This email address is already verified.' });
  const bound = binding(withAddress(signUp));
  const result = await rt.store.consumeVerification({ ownerId: signUp.id, purpose: 'sign_up_link', codeHash: await hashVerificationCode(rt.secret, bound, secret), now: rt.now() });
  if (result.outcome === 'already_verified') throw used();
  if (result.outcome === 'expired') throw expired();
  if (result.outcome !== 'verified') throw invalid();
  const verified = await markVerified(rt, signUp.id, bound.target);
  if (ctx.client?.id !== signUp.clientId) return { sameClient: false, signUp: verified };
  return { sameClient: true, signUp: await complete(rt, config, ctx, verified) };
}

/**
 * Marks the address the link was sent to verified. An address changed meanwhile (a PATCH between
 * the read and this write) is not the one the link proved: it stays unverified.
 */
async function markVerified(rt: Runtime, id: string, address: string): Promise<SignUpRecord> {
  const now = rt.now();
  const updated = await rt.store.updateSignUp(id, { emailVerifiedAt: now, updatedAt: now });
  if (!updated) throw expired();
  if (updated.emailAddress !== address) {
    await rt.store.updateSignUp(id, { emailVerifiedAt: null, updatedAt: now });
    throw invalid();
  }
  return updated;
}

/** completeIfReady; when another request (the waiting tab, or the link page) completed it first, its result. */
async function complete(rt: Runtime, config: InstanceConfig, ctx: ClientContext, signUp: SignUpRecord): Promise<SignUpRecord> {
  try {
    return await completeIfReady(rt, config, ctx, signUp);
  } catch (error) {
    const now = error instanceof UsherError && error.code === 'sign_up_status_invalid' ? await rt.store.getSignUp(signUp.id) : null;
    if (now?.status === 'complete') return now;
    throw error;
  }
}

/**
 * attempt_verification with `email_link`: on the device that started the sign-up, once its link
 * was confirmed (on any device), completes it (or answers what is still missing).
 */
export async function completeConfirmedSignUpLink(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string): Promise<SignUpRecord> {
  const signUp = await getOwnSignUp(rt, ctx, id);
  if (!canUpdate(signUp.status)) throw new UsherError('sign_up_status_invalid', { longMessage: 'This sign-up is already complete.' });
  assertEmailVerificationStrategy(config, 'email_link');
  const verification = await rt.store.getVerification(signUp.id, 'sign_up_link');
  if (verification?.status !== 'verified' || signUp.emailVerifiedAt === null) throw new UsherError('verification_not_prepared', { longMessage: 'The verification link has not been opened and confirmed yet.' });
  return complete(rt, config, ctx, signUp);
}
