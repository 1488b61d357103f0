import type { InstanceConfig } from '../config/instance.ts';
import { hashVerificationCode, type CodeBinding } from '../crypto/codes.ts';
import { isWellFormedId } from '../crypto/ids.ts';
import { UsherError } from '../errors.ts';
import { emailOutboxRecord } from '../mail/outbox-message.ts';
import { verificationLinkEmail } from '../mail/templates.ts';
import { StoreConflictError, type EmailAddressRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { getMe } from './current-user.ts';
import { assertEmailVerificationStrategy, linkLandingUrl, newLinkSecret, withLinkToken } from './email-links.ts';
import { changeEvents } from './events.ts';
import { isSessionActive } from './machines/session.ts';
import { ownAddress, taken } from './me-email-addresses.ts';
import type { Runtime } from './runtime.ts';
import { verificationRecord } from './verifications.ts';

/**
 * An address added in UserProfile, verified by an emailed link: the token is the address id and
 * 256 random bits, of which only an HMAC bound to the address (and so to its owner) is stored. It
 * is bound to no session or device: opened anywhere, it verifies that address of that user.
 */

const binding = (email: EmailAddressRecord): CodeBinding => ({ purpose: 'email_address_link', ownerId: email.id, target: email.emailAddress });
const invalid = () => new UsherError('verification_failed', { paramName: 'token', longMessage: 'This verification link is not valid. Ask for a new one.' });

/** prepare_verification with `email_link` for an unverified address of the user: emails a link to `redirectUrl`. */
export async function prepareEmailAddressLink(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, id: string, redirectUrl: string | undefined, origin: string | null): Promise<EmailAddressRecord> {
  const { user } = await getMe(rt, ctx, sessionId);
  const email = await ownAddress(rt, user, id);
  assertEmailVerificationStrategy(config, 'email_link');
  if (email.verifiedAt !== null) throw new UsherError('verification_already_verified');
  const url = linkLandingUrl(rt, redirectUrl, origin);
  if (await rt.store.findUserByEmailAddress(email.emailAddress)) throw taken();
  const secret = newLinkSecret(rt);
  const ttlMinutes = Math.round(config.verification.codeTtlSeconds / 60);
  const message = emailOutboxRecord(rt, { to: email.emailAddress, ...verificationLinkEmail({ applicationName: config.applicationName, url: withLinkToken(url, email.id, secret), ttlMinutes, purpose: 'email_address' }) });
  await rt.store.prepareVerification(verificationRecord(rt, config, binding(email), await hashVerificationCode(rt.secret, binding(email), secret), 'email_link'), message);
  return email;
}

export interface EmailAddressLinkConfirmation {
  /** This device is signed in as the address's owner. */
  sameClient: boolean;
  emailAddress: EmailAddressRecord;
}

/**
 * The click on the page an address link opened (POST /v1/client/email_links/confirm): spends the
 * link once and verifies that address, if it is still unverified (unless another account verified
 * it first: form_identifier_exists). The profile tab sees it on its next reload.
 */
export async function confirmEmailAddressLink(rt: Runtime, ctx: ClientContext, emailId: string, secret: string): Promise<EmailAddressLinkConfirmation> {
  if (!isWellFormedId('idn', emailId) || secret.length === 0) throw invalid();
  const email = await rt.store.getEmailAddress(emailId);
  if (!email) throw invalid();
  if (email.verifiedAt !== null) throw new UsherError('verification_already_verified', { paramName: 'token', longMessage: 'This email address is already verified.' });
  const result = await rt.store.consumeVerification({ ownerId: email.id, purpose: 'email_address_link', codeHash: await hashVerificationCode(rt.secret, binding(email), secret), now: rt.now() });
  if (result.outcome === 'already_verified') throw new UsherError('verification_already_verified', { paramName: 'token', longMessage: 'This verification link was already used.' });
  if (result.outcome === 'expired') throw new UsherError('verification_expired', { paramName: 'token', longMessage: 'This verification link has expired. Ask for a new one.' });
  if (result.outcome !== 'verified') throw invalid();
  let verified: EmailAddressRecord | null;
  try {
    verified = await rt.store.verifyEmailAddress(email.id, rt.now(), changeEvents(rt));
  } catch (error) {
    if (error instanceof StoreConflictError) throw taken();
    throw error;
  }
  // Removed between the read and the write: there is nothing left to verify.
  if (!verified) throw invalid();
  const sessions = ctx.client ? await rt.store.listClientSessions(ctx.client.id) : [];
  const sameClient = sessions.some((s) => s.userId === verified.userId && isSessionActive(s, rt.now()));
  return { sameClient, emailAddress: verified };
}
