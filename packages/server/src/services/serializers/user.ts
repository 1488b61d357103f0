import type { EmailAddressJSON, UserJSON } from '@usher/protocol';
import type { EmailAddressRecord, UserRecord } from '../../store/types.ts';
import type { Runtime } from '../runtime.ts';

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
export function toUserJSON(user: UserRecord, emails: EmailAddressRecord[]): UserJSON {
  return {
    object: 'user',
    id: user.id,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: user.imageUrl ?? '',
    has_image: user.imageUrl !== null,
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

export async function loadUserJSON(rt: Runtime, user: UserRecord): Promise<UserJSON> {
  return toUserJSON(user, await rt.store.listEmailAddresses(user.id));
}
