import type { BackendSessionJSON, BackendUserJSON } from '@usher/protocol';
import type { EmailAddressRecord, PhoneNumberRecord, SessionRecord, UserRecord } from '../../store/types.ts';
import { effectiveSessionStatus } from '../machines/session.ts';
import { userImage, type AvatarSettings } from './user-image.ts';
import { hasSecondFactor, type SecondFactors } from '../second-factors.ts';

/** A user for the app's server: everything the Frontend API shows, plus private metadata, ban and lock. */
export function toBackendUserJSON(user: UserRecord, emails: EmailAddressRecord[], avatars: AvatarSettings, now: number, phones: PhoneNumberRecord[] = [], factors: SecondFactors = { totp: false, phones: [], backupCodes: 0 }): BackendUserJSON {
  const primary = emails.find((e) => e.id === user.primaryEmailAddressId) ?? null;
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  return {
    object: 'user',
    id: user.id,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    ...userImage(user, primary?.emailAddress ?? null, avatars),
    primary_email_address_id: user.primaryEmailAddressId,
    email_addresses: emails.map((e) => ({ object: 'email_address', id: e.id, email_address: e.emailAddress, verified: e.verifiedAt !== null })),
    primary_phone_number_id: user.primaryPhoneNumberId,
    phone_numbers: phones.map((p) => ({ object: 'phone_number', id: p.id, phone_number: p.phoneNumber, verified: p.verifiedAt !== null, reserved_for_second_factor: p.reservedForSecondFactor })),
    password_enabled: user.passwordHash !== null,
    two_factor_enabled: hasSecondFactor(factors),
    totp_enabled: factors.totp,
    backup_code_enabled: factors.backupCodes > 0,
    public_metadata: { ...user.publicMetadata },
    private_metadata: { ...user.privateMetadata },
    unsafe_metadata: { ...user.unsafeMetadata },
    banned: user.bannedAt !== null,
    locked,
    lockout_expires_at: locked ? user.lockedUntil : null,
    last_sign_in_at: user.lastSignInAt,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

/** `status` is the effective one: an active session past a deadline reads as expired. */
export function toBackendSessionJSON(session: SessionRecord, now: number): BackendSessionJSON {
  return {
    object: 'session',
    id: session.id,
    user_id: session.userId,
    client_id: session.clientId,
    status: effectiveSessionStatus(session, now),
    last_active_at: session.lastActiveAt,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}
