import type { EmailAddressJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import type { CodeBinding } from '../crypto/codes.ts';
import { UsherError } from '../errors.ts';
import { emailOutboxRecord } from '../mail/outbox-message.ts';
import { primaryEmailChangedEmail } from '../mail/templates.ts';
import { StoreConflictError, type EmailAddressRecord, type UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { assertEmailVerificationStrategy, latestVerification } from './email-links.ts';
import { changeEvents } from './events.ts';
import { maskIdentifier, parseEmailAddress } from './identifiers.ts';
import { getMe, type Me } from './current-user.ts';
import { assertRecentlyVerified } from './reverification.ts';
import type { Runtime } from './runtime.ts';
import { toEmailAddressJSON } from './serializers/user.ts';
import { codeRedemptionFailure, redeemVerificationCode, sendVerificationCode } from './verifications.ts';

/** An account's addresses, verified or not, are at most this many. */
export const MAX_EMAIL_ADDRESSES = 10;

/** Another account verified this address first. */
export const taken = () => new UsherError('form_identifier_exists', { paramName: 'email_address', longMessage: 'This email address is taken. Use another one.' });
const binding = (email: EmailAddressRecord): CodeBinding => ({ purpose: 'email_address', ownerId: email.id, target: email.emailAddress });

function assertEnabled(config: InstanceConfig): void {
  if (!config.attributes.emailAddress.enabled) throw new UsherError('form_param_unknown', { paramName: 'email_address', longMessage: 'This application does not use email addresses.' });
}

/** One of the user's own addresses; another account's id is a plain 404, like an unknown one. */
export async function ownAddress(rt: Runtime, user: UserRecord, id: string): Promise<EmailAddressRecord> {
  const email = await rt.store.getEmailAddress(id);
  if (!email || email.userId !== user.id) throw new UsherError('email_address_not_found');
  return email;
}

/** The address with its live verification (the code or link sent for it last, when there is one). */
export async function emailAddressJSON(rt: Runtime, email: EmailAddressRecord): Promise<EmailAddressJSON> {
  const pending = email.verifiedAt === null ? await latestVerification(rt, email.id, ['email_address', 'email_address_link']) : null;
  return toEmailAddressJSON(email, pending, rt.now());
}

/**
 * POST /v1/me/email_addresses: adds an unverified address (usable once verified by code). Needs a
 * re-verification from the last 10 minutes. An address verified by another account is taken; an
 * unverified copy elsewhere blocks nothing (whoever verifies first wins it).
 */
export async function addEmailAddress(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, value: string): Promise<EmailAddressRecord> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  assertEnabled(config);
  const address = parseEmailAddress(value, 'email_address');
  assertRecentlyVerified(session, rt.now());
  const own = await rt.store.listEmailAddresses(user.id);
  if (own.some((e) => e.emailAddress === address)) throw new UsherError('form_identifier_exists', { paramName: 'email_address', longMessage: 'This address is already on your account.' });
  if (own.length >= MAX_EMAIL_ADDRESSES) throw new UsherError('email_address_limit_reached');
  if (await rt.store.findUserByEmailAddress(address)) throw taken();
  const email: EmailAddressRecord = { id: rt.newId('idn'), userId: user.id, emailAddress: address, verifiedAt: null, createdAt: rt.now() };
  await rt.store.addEmailAddress(email, changeEvents(rt));
  return email;
}

/** Emails a code to an unverified address of the user. */
export async function prepareEmailAddressVerification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, id: string): Promise<EmailAddressRecord> {
  const { user } = await getMe(rt, ctx, sessionId);
  const email = await ownAddress(rt, user, id);
  assertEmailVerificationStrategy(config, 'email_code');
  if (email.verifiedAt !== null) throw new UsherError('verification_already_verified');
  if (await rt.store.findUserByEmailAddress(email.emailAddress)) throw taken();
  await sendVerificationCode(rt, config, binding(email));
  return email;
}

/** Redeems the code; a right one verifies the address (unless another account verified it first). */
export async function attemptEmailAddressVerification(rt: Runtime, ctx: ClientContext, sessionId: string | null, id: string, code: string): Promise<EmailAddressRecord> {
  const { user } = await getMe(rt, ctx, sessionId);
  const email = await ownAddress(rt, user, id);
  if (email.verifiedAt !== null) throw new UsherError('verification_already_verified');
  const result = await redeemVerificationCode(rt, binding(email), code);
  if (result.outcome !== 'verified') {
    throw codeRedemptionFailure(result);
  }
  try {
    const verified = await rt.store.verifyEmailAddress(email.id, rt.now(), changeEvents(rt));
    if (!verified) throw new UsherError('email_address_not_found');
    return verified;
  } catch (error) {
    if (error instanceof StoreConflictError) throw taken();
    throw error;
  }
}

/**
 * DELETE /v1/me/email_addresses/{id} (re-verification required). The primary address cannot go:
 * another one is made primary first, so an account never loses its last way to sign in by email.
 */
export async function removeEmailAddress(rt: Runtime, ctx: ClientContext, sessionId: string | null, id: string): Promise<string> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  const email = await ownAddress(rt, user, id);
  assertRecentlyVerified(session, rt.now());
  if (user.primaryEmailAddressId === email.id) throw new UsherError('email_address_is_primary');
  if (!(await rt.store.deleteEmailAddress(email.id, changeEvents(rt)))) throw new UsherError('email_address_not_found');
  return email.id;
}

/**
 * Makes a verified address primary (PATCH /me primary_email_address_id; re-verification
 * required); the previous primary address is told, in the same transaction.
 */
export async function setPrimaryEmailAddress(rt: Runtime, config: InstanceConfig, me: Me, id: string): Promise<UserRecord> {
  assertEnabled(config);
  const email = await ownAddress(rt, me.user, id);
  if (email.verifiedAt === null) throw new UsherError('form_param_value_invalid', { paramName: 'primary_email_address_id', longMessage: 'Verify this address before making it primary.' });
  if (me.user.primaryEmailAddressId === email.id) return me.user;
  assertRecentlyVerified(me.session, rt.now());
  const previous = me.user.primaryEmailAddressId ? await rt.store.getEmailAddress(me.user.primaryEmailAddressId) : null;
  const notification =
    previous && previous.verifiedAt !== null
      ? emailOutboxRecord(rt, { to: previous.emailAddress, ...primaryEmailChangedEmail({ applicationName: config.applicationName, newAddressHint: maskIdentifier(email.emailAddress) }) })
      : null;
  const updated = await rt.store.setPrimaryEmailAddress({ userId: me.user.id, emailAddressId: email.id, now: rt.now(), notification, emit: changeEvents(rt) });
  if (!updated) throw new UsherError('email_address_not_found');
  return updated;
}
