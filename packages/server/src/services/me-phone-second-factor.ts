import type { PhoneNumberJSON, UpdatePhoneNumberBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import type { ClientContext } from './client-context.ts';
import { getMe } from './current-user.ts';
import { changeEvents } from './events.ts';
import { ownNumber, phoneNumberJSON } from './me-phone-numbers.ts';
import { newBackupCodes } from './me-totp.ts';
import { assertRecentlyVerified } from './reverification.ts';
import type { Runtime } from './runtime.ts';
import { hasSecondFactor, loadSecondFactors, othersRemainAfterRemoving, phoneCodeAllowed } from './second-factors.ts';
import { twoStepNotice } from './two-step-notice.ts';

/**
 * PATCH /v1/me/phone_numbers/{id} (re-verification required): reserves a verified number for
 * 2-step verification or releases it, and/or makes it the default second factor. Reserving the
 * account's first second factor answers 10 new backup codes, once; releasing the last one
 * deletes them.
 */
export async function updatePhoneNumberSecondFactor(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string | null, id: string, body: UpdatePhoneNumberBody): Promise<PhoneNumberJSON> {
  const { session, user } = await getMe(rt, ctx, sessionId);
  let phone = await ownNumber(rt, user, id);
  if (!phoneCodeAllowed(config)) throw new UsherError('strategy_not_allowed', { paramName: 'reserved_for_second_factor', longMessage: 'This application does not send 2-step verification codes by SMS.' });
  if (phone.verifiedAt === null) throw new UsherError('phone_number_not_verified');
  assertRecentlyVerified(session, rt.now());
  let backupCodes: string[] | undefined;
  const reserve = body.reserved_for_second_factor;
  if (reserve !== undefined && reserve !== phone.reservedForSecondFactor) {
    const now = rt.now();
    if (reserve) {
      const first = !hasSecondFactor(await loadSecondFactors(rt, config, user.id));
      const backup = first && config.mfa.backupCodes ? await newBackupCodes(rt, user.id) : null;
      const notification = await twoStepNotice(rt, config, user, 'phone_added', true, phone.phoneNumber);
      phone = (await rt.store.setPhoneNumberReserved({ id, reserved: true, now, backupCodes: backup?.records ?? null, notification, emit: changeEvents(rt) })) ?? phone;
      backupCodes = backup?.codes;
    } else {
      const others = await othersRemainAfterRemoving(rt, config, user.id, { phoneNumberId: id });
      const notification = await twoStepNotice(rt, config, user, 'phone_removed', others, phone.phoneNumber);
      phone = (await rt.store.setPhoneNumberReserved({ id, reserved: false, now, backupCodes: others ? null : [], notification, emit: changeEvents(rt) })) ?? phone;
    }
  }
  if (body.default_second_factor) {
    if (!phone.reservedForSecondFactor) throw new UsherError('form_param_value_invalid', { paramName: 'default_second_factor', longMessage: 'Use this number for 2-step verification first.' });
    await rt.store.updateUser(user.id, { defaultSecondFactor: phone.id }, rt.now(), changeEvents(rt));
  }
  const json = await phoneNumberJSON(rt, phone);
  return backupCodes ? { ...json, backup_codes: backupCodes } : json;
}
