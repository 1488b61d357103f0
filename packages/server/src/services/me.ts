import type { UpdateMeBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import { StoreConflictError, type UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { getMe, type Me } from './current-user.ts';
import { assertMetadataSize } from './backend/metadata.ts';
import { normalizeName, parseUsername } from './identifiers.ts';
import type { Runtime } from './runtime.ts';
import { changeEvents } from './events.ts';
import { setPrimaryEmailAddress } from './me-email-addresses.ts';
import { setPrimaryPhoneNumber } from './me-phone-numbers.ts';

function nameValue(value: string | null | undefined, setting: { enabled: boolean; required: boolean }, paramName: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (!setting.enabled) throw new UsherError('form_param_unknown', { paramName, longMessage: `This application does not collect \`${paramName}\`.` });
  const name = normalizeName(value);
  if (name === null && setting.required) throw new UsherError('form_param_value_invalid', { paramName, longMessage: `\`${paramName}\` is required and cannot be empty.` });
  return name;
}

/**
 * Updates the profile fields a user may change themself, and unsafe_metadata (replaced whole).
 * Anything else (id, email_verified, public or private metadata…) is refused by the request schema with 422 form_param_unknown, never stored.
 */
export async function updateMe(rt: Runtime, config: InstanceConfig, ctx: ClientContext, requestedSessionId: string | null, body: UpdateMeBody): Promise<Me> {
  const { session, user } = await getMe(rt, ctx, requestedSessionId);
  const patch: Partial<Pick<UserRecord, 'firstName' | 'lastName' | 'username' | 'unsafeMetadata'>> = {};
  if (body.unsafe_metadata !== undefined) patch.unsafeMetadata = assertMetadataSize(body.unsafe_metadata, 'unsafe_metadata');
  const firstName = nameValue(body.first_name, config.attributes.firstName, 'first_name');
  if (firstName !== undefined) patch.firstName = firstName;
  const lastName = nameValue(body.last_name, config.attributes.lastName, 'last_name');
  if (lastName !== undefined) patch.lastName = lastName;
  if (body.username !== undefined) {
    if (!config.attributes.username.enabled) throw new UsherError('form_param_unknown', { paramName: 'username', longMessage: 'This application does not use usernames.' });
    if (body.username === null) {
      if (config.attributes.username.required) throw new UsherError('form_param_value_invalid', { paramName: 'username', longMessage: 'A username is required.' });
      patch.username = null;
    } else {
      patch.username = parseUsername(body.username, 'username');
    }
  }
  // The primary address changes first (its own checks and notice); the profile fields follow.
  let current = user;
  if (body.primary_email_address_id !== undefined) current = await setPrimaryEmailAddress(rt, config, { session, user }, body.primary_email_address_id);
  if (body.primary_phone_number_id !== undefined) current = await setPrimaryPhoneNumber(rt, config, { session, user: current }, body.primary_phone_number_id);
  if (Object.keys(patch).length === 0) return { session, user: current };
  let updated: UserRecord | null;
  try {
    updated = await rt.store.updateUser(user.id, patch, rt.now(), changeEvents(rt));
  } catch (error) {
    if (error instanceof StoreConflictError) throw new UsherError('form_identifier_exists', { paramName: error.field, longMessage: 'This username is taken. Try another one.' });
    throw error;
  }
  if (!updated) throw new UsherError('authentication_invalid');
  return { session, user: updated };
}
