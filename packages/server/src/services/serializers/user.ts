import type { EmailAddressJSON, UserJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { EmailAddressRecord, UserRecord } from '../../store/types.ts';
import type { Runtime } from '../runtime.ts';
import { avatarSettings, userImage, type AvatarSettings } from './user-image.ts';

export function toEmailAddressJSON(email: EmailAddressRecord): EmailAddressJSON {
  return {
    object: 'email_address',
    id: email.id,
    email_address: email.emailAddress,
    verification:
      email.verifiedAt === null
        ? null
        : { object: 'verification', status: 'verified', strategy: 'email_code', attempts: 0, expire_at: null },
  };
}

/** The user as the Frontend API shows it to the user themself: never private metadata or secrets. */
export function toUserJSON(user: UserRecord, emails: EmailAddressRecord[], avatars: AvatarSettings): UserJSON {
  const primaryEmail = emails.find((e) => e.id === user.primaryEmailAddressId) ?? null;
  return {
    object: 'user',
    id: user.id,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    ...userImage(user, primaryEmail?.emailAddress ?? null, avatars),
    primary_email_address_id: user.primaryEmailAddressId,
    email_addresses: emails.map(toEmailAddressJSON),
    password_enabled: user.passwordHash !== null,
    two_factor_enabled: false,
    public_metadata: { ...user.publicMetadata },
    unsafe_metadata: { ...user.unsafeMetadata },
    last_sign_in_at: user.lastSignInAt,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export async function loadUserJSON(rt: Runtime, user: UserRecord, config: InstanceConfig): Promise<UserJSON> {
  return toUserJSON(user, await rt.store.listEmailAddresses(user.id), avatarSettings(rt.config, config));
}
