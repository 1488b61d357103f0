import type { PhoneNumberJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import type { CodeBinding } from '../crypto/codes.ts';
import { UsherError } from '../errors.ts';
import { StoreConflictError, type PhoneNumberRecord, type UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { getMe, type Me } from './current-user.ts';
import { changeEvents } from './events.ts';
import { parsePhoneNumber } from './phone-numbers.ts';
import { assertRecentlyVerified } from './reverification.ts';
import { othersRemainAfterRemoving } from './second-factors.ts';
import { twoStepNotice } from './two-step-notice.ts';
import type { Runtime } from './runtime.ts';
import { toPhoneNumberJSON } from './serializers/user.ts';
import { codeRedemptionFailure, redeemVerificationCode, sendSmsVerificationCode } from './verifications.ts';

/** An account's phone numbers, verified or not, are at most this many. */
export const MAX_PHONE_NUMBERS = 5;

const taken = () => new UsherError('form_identifier_exists', { paramName: 'phone_number', longMessage: 'This phone number is taken. Use another one.' });
const binding = (phone: PhoneNumberRecord): CodeBinding => ({ purpose: 'phone_number', ownerId: phone.id, target: phone.phoneNumber });

function assertEnabled(config: InstanceConfig): void {
  if (!config.attributes.phoneNumber.enabled) throw new UsherError('form_param_unknown', { paramName: 'phone_number', longMessage: 'This application does not use phone numbers.' });
}

/** One of the user's own numbers; another account's id is a plain 404, like an unknown one. */
export async function ownNumber(rt: Runtime, user: UserRecord, id: string): Promise<PhoneNumberRecord> {
  const phone = await rt.store.getPhoneNumber(id);
  if (!phone || phone.userId !== user.id) throw new UsherError('phone_number_not_found');
  return phone;
}

/** A verified number elsewhere (the owner of a number is whoever verified it). */
async function verifiedElsewhere(rt: Runtime, phone: string, userId: string): Promise<boolean> {
  // Numbers are few per account and verification makes them unique: the check is by number.
  const mine = await rt.store.listPhoneNumbers(userId);
  if (mine.some((p) => p.phoneNumber === phone && p.verifiedAt !== null)) return false;
  return (await rt.store.findUserByPhoneNumber(phone)) !== null;
}

export async function phoneNumberJSON(rt: Runtime, phone: PhoneNumberRecord): Promise<PhoneNumberJSON> {
  const pending = phone.verifiedAt === null ? await rt.store.getVerification(phone.id, 'phone_number') : null;
  const user = phone.reservedForSecondFactor ? await rt.store.getUser(phone.userId) : null;
  return toPhoneNumberJSON(phone, pending, rt.now(), user?.defaultSecondFactor ?? null);
}

/** POST /v1/me/phone_numbers: adds an unverified number (re-verification within 10 minutes required). */
export async function addPhoneNumber(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, value: string): Promise<PhoneNumberRecord> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  assertEnabled(config);
  const number = parsePhoneNumber(value, 'phone_number');
  assertRecentlyVerified(session, rt.now());
  const own = await rt.store.listPhoneNumbers(user.id);
  if (own.some((p) => p.phoneNumber === number)) throw new UsherError('form_identifier_exists', { paramName: 'phone_number', longMessage: 'This number is already on your account.' });
  if (own.length >= MAX_PHONE_NUMBERS) throw new UsherError('phone_number_limit_reached');
  if (await verifiedElsewhere(rt, number, user.id)) throw taken();
  const phone: PhoneNumberRecord = { id: rt.newId('idn'), userId: user.id, phoneNumber: number, verifiedAt: null, reservedForSecondFactor: false, createdAt: rt.now() };
  await rt.store.addPhoneNumber(phone, changeEvents(rt));
  return phone;
}

/** Texts a code to an unverified number of the user. */
export async function preparePhoneNumberVerification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, id: string): Promise<PhoneNumberRecord> {
  const { user } = await getMe(rt, ctx, sessionId);
  assertEnabled(config);
  const phone = await ownNumber(rt, user, id);
  if (phone.verifiedAt !== null) throw new UsherError('verification_already_verified');
  if (await verifiedElsewhere(rt, phone.phoneNumber, user.id)) throw taken();
  await sendSmsVerificationCode(rt, config, binding(phone));
  return phone;
}

/** Redeems the code; a right one verifies the number (unless another account verified it first). */
export async function attemptPhoneNumberVerification(rt: Runtime, ctx: ClientContext, sessionId: string | null, id: string, code: string): Promise<PhoneNumberRecord> {
  const { user } = await getMe(rt, ctx, sessionId);
  const phone = await ownNumber(rt, user, id);
  if (phone.verifiedAt !== null) throw new UsherError('verification_already_verified');
  const result = await redeemVerificationCode(rt, binding(phone), code);
  if (result.outcome !== 'verified') throw codeRedemptionFailure(result);
  try {
    const verified = await rt.store.verifyPhoneNumber(phone.id, rt.now(), changeEvents(rt));
    if (!verified) throw new UsherError('phone_number_not_found');
    return verified;
  } catch (error) {
    if (error instanceof StoreConflictError) throw taken();
    throw error;
  }
}

/** DELETE /v1/me/phone_numbers/{id} (re-verification required); the primary number goes only once another is primary. */
export async function removePhoneNumber(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, id: string): Promise<string> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  const phone = await ownNumber(rt, user, id);
  assertRecentlyVerified(session, rt.now());
  const others = (await rt.store.listPhoneNumbers(user.id)).filter((p) => p.id !== phone.id && p.verifiedAt !== null);
  if (user.primaryPhoneNumberId === phone.id && others.length > 0) throw new UsherError('phone_number_is_primary');
  // A number kept for 2-step verification: the last second factor takes the backup codes with it.
  const factorsRemain = phone.reservedForSecondFactor ? await othersRemainAfterRemoving(rt, config, user.id, { phoneNumberId: phone.id }) : true;
  // The last verified number may go (phone numbers are not a way to sign in yet); the store then clears the primary.
  if (!(await rt.store.deletePhoneNumber(phone.id, changeEvents(rt)))) throw new UsherError('phone_number_not_found');
  if (phone.reservedForSecondFactor && phone.verifiedAt !== null) {
    const notification = await twoStepNotice(rt, config, user, 'phone_removed', factorsRemain, phone.phoneNumber);
    if (!factorsRemain) await rt.store.replaceBackupCodes({ userId: user.id, codes: [], now: rt.now(), notification });
    else if (notification) await rt.store.enqueueOutbox(notification);
  }
  return phone.id;
}

/** Makes a verified number primary (PATCH /me primary_phone_number_id; re-verification required). */
export async function setPrimaryPhoneNumber(rt: Runtime, config: InstanceConfig, me: Me, id: string): Promise<UserRecord> {
  assertEnabled(config);
  const phone = await ownNumber(rt, me.user, id);
  if (phone.verifiedAt === null) throw new UsherError('form_param_value_invalid', { paramName: 'primary_phone_number_id', longMessage: 'Verify this number before making it primary.' });
  if (me.user.primaryPhoneNumberId === phone.id) return me.user;
  assertRecentlyVerified(me.session, rt.now());
  const updated = await rt.store.setPrimaryPhoneNumber({ userId: me.user.id, phoneNumberId: phone.id, now: rt.now(), emit: changeEvents(rt) });
  if (!updated) throw new UsherError('phone_number_not_found');
  return updated;
}
