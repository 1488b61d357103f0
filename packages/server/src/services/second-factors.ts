import type { SignInFactorJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import type { PhoneNumberRecord, SignInRecord, UserRecord } from '../store/types.ts';
import { maskPhoneNumber } from './identifiers.ts';
import type { Runtime } from './runtime.ts';

/**
 * What second factors a user has that the instance lets them use. The instance switches govern
 * use as well as setup: with SMS switched off, a reserved number no longer receives codes.
 */
export interface SecondFactors {
  totp: boolean;
  /** Verified numbers reserved for 2-step verification (empty when SMS codes are off). */
  phones: PhoneNumberRecord[];
  /** Unused backup codes (0 when backup codes are off). */
  backupCodes: number;
}

/** SMS codes as a second factor: the instance switch, and phone numbers themselves, are on. */
export function phoneCodeAllowed(config: InstanceConfig): boolean {
  return config.mfa.phoneCode && config.attributes.phoneNumber.enabled;
}

export async function loadSecondFactors(rt: Runtime, config: InstanceConfig, userId: string, phones?: PhoneNumberRecord[]): Promise<SecondFactors> {
  const [totp, allPhones, backupCodes] = await Promise.all([
    config.mfa.totp ? rt.store.getTotp(userId) : null,
    phones ?? (phoneCodeAllowed(config) ? rt.store.listPhoneNumbers(userId) : []),
    config.mfa.backupCodes ? rt.store.countBackupCodes(userId) : 0,
  ]);
  return {
    totp: totp?.verifiedAt != null,
    phones: phoneCodeAllowed(config) ? allPhones.filter((p) => p.verifiedAt !== null && p.reservedForSecondFactor) : [],
    backupCodes,
  };
}

/**
 * The second factors a sign-in may finish with: a second factor is never of the first one's
 * kind, so after a reset code texted to the phone, no texted code completes it.
 */
export function usableAfter(firstFactor: SignInRecord['firstFactorStrategy'], factors: SecondFactors): SecondFactors {
  return firstFactor === 'reset_password_phone_code' ? { ...factors, phones: [] } : factors;
}

/** Sign-in asks for a second factor. Backup codes alone do not count: they stand in for another factor. */
export function hasSecondFactor(factors: SecondFactors): boolean {
  return factors.totp || factors.phones.length > 0;
}

/**
 * The second factors sign-in offers, the user's default first: the one they chose or last used
 * (an authenticator, a reserved number), else the authenticator, else the first number; backup
 * codes always last and never the default.
 */
export function secondFactorList(user: UserRecord, factors: SecondFactors): SignInFactorJSON[] {
  const list: SignInFactorJSON[] = [];
  if (factors.totp) list.push({ strategy: 'totp' });
  for (const phone of factors.phones) list.push({ strategy: 'phone_code', safe_identifier: maskPhoneNumber(phone.phoneNumber), phone_number_id: phone.id });
  const preferred = list.findIndex((f) => (f.strategy === 'totp' ? user.defaultSecondFactor === 'totp' : f.phone_number_id === user.defaultSecondFactor));
  const defaultIndex = preferred >= 0 ? preferred : 0;
  const ordered = list.length ? [list[defaultIndex]!, ...list.filter((_, i) => i !== defaultIndex)].map((f, i) => ({ ...f, default: i === 0 })) : [];
  // The fallback; the default only when nothing else may finish this sign-in (after a texted reset code).
  if (factors.backupCodes > 0) ordered.push({ strategy: 'backup_code', default: ordered.length === 0 });
  return ordered;
}

/**
 * Before a second factor goes (an authenticator, or a reserved number: `removing`): whether others
 * remain. Refuses with mfa_required when it is the last one and the instance requires one.
 */
export async function othersRemainAfterRemoving(rt: Runtime, config: InstanceConfig, userId: string, removing: 'totp' | { phoneNumberId: string }): Promise<boolean> {
  const factors = await loadSecondFactors(rt, config, userId);
  const others = removing === 'totp' ? factors.phones.length > 0 : factors.totp || factors.phones.some((p) => p.id !== removing.phoneNumberId);
  const removesOne = removing === 'totp' ? factors.totp : factors.phones.some((p) => p.id === removing.phoneNumberId);
  if (removesOne && !others && config.mfa.required) throw new UsherError('mfa_required');
  return others;
}
