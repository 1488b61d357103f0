import type { EmailAddressJSON, PhoneNumberJSON, UserJSON, VerificationJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { EmailAddressRecord, ExternalAccountRecord, PhoneNumberRecord, UserRecord, VerificationRecord } from '../../store/types.ts';
import { toExternalAccountJSON } from '../external-accounts.ts';
import { toVerificationJSON } from './verification.ts';
import type { Runtime } from '../runtime.ts';
import { avatarSettings, userImage, type AvatarSettings } from './user-image.ts';
import { hasSecondFactor, loadSecondFactors, type SecondFactors } from '../second-factors.ts';

/**
 * An address with its verification: verified, or (for one the user added) the code sent for it,
 * when known, else plain 'unverified'.
 */
export function toEmailAddressJSON(email: EmailAddressRecord, pending: VerificationRecord | null = null, now = 0): EmailAddressJSON {
  const verification: VerificationJSON =
    email.verifiedAt !== null
      ? { object: 'verification', status: 'verified', strategy: 'email_code', attempts: 0, expire_at: null }
      : (toVerificationJSON(pending, now) ?? { object: 'verification', status: 'unverified', strategy: null, attempts: 0, expire_at: null });
  return { object: 'email_address', id: email.id, email_address: email.emailAddress, verification };
}

/** A phone number with its verification, as for email addresses. */
export function toPhoneNumberJSON(phone: PhoneNumberRecord, pending: VerificationRecord | null = null, now = 0, defaultSecondFactor: string | null = null): PhoneNumberJSON {
  const verification: VerificationJSON =
    phone.verifiedAt !== null
      ? { object: 'verification', status: 'verified', strategy: 'phone_code', attempts: 0, expire_at: null }
      : (toVerificationJSON(pending, now) ?? { object: 'verification', status: 'unverified', strategy: null, attempts: 0, expire_at: null });
  return {
    object: 'phone_number',
    id: phone.id,
    phone_number: phone.phoneNumber,
    reserved_for_second_factor: phone.reservedForSecondFactor,
    default_second_factor: phone.reservedForSecondFactor && defaultSecondFactor === phone.id,
    verification,
  };
}

/** The user as the Frontend API shows it to the user themself: never private metadata or secrets. */
const NO_SECOND_FACTORS: SecondFactors = { totp: false, phones: [], backupCodes: 0 };

export function toUserJSON(user: UserRecord, emails: EmailAddressRecord[], avatars: AvatarSettings, phones: PhoneNumberRecord[] = [], factors: SecondFactors = NO_SECOND_FACTORS, accounts: ExternalAccountRecord[] = []): UserJSON {
  const primaryEmail = emails.find((e) => e.id === user.primaryEmailAddressId) ?? null;
  return {
    object: 'user',
    id: user.id,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    ...userImage(user, primaryEmail?.emailAddress ?? null, avatars),
    primary_email_address_id: user.primaryEmailAddressId,
    email_addresses: emails.map((e) => toEmailAddressJSON(e)),
    primary_phone_number_id: user.primaryPhoneNumberId,
    phone_numbers: phones.map((p) => toPhoneNumberJSON(p, null, 0, user.defaultSecondFactor)),
    password_enabled: user.passwordHash !== null,
    external_accounts: accounts.map(toExternalAccountJSON),
    two_factor_enabled: hasSecondFactor(factors),
    totp_enabled: factors.totp,
    backup_code_enabled: factors.backupCodes > 0,
    public_metadata: { ...user.publicMetadata },
    unsafe_metadata: { ...user.unsafeMetadata },
    last_sign_in_at: user.lastSignInAt,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export async function loadUserJSON(rt: Runtime, user: UserRecord, config: InstanceConfig): Promise<UserJSON> {
  const [emails, phones, accounts] = await Promise.all([rt.store.listEmailAddresses(user.id), rt.store.listPhoneNumbers(user.id), rt.store.listExternalAccounts(user.id)]);
  return toUserJSON(user, emails, avatarSettings(rt.config, config), phones, await loadSecondFactors(rt, config, user.id, phones), accounts);
}
