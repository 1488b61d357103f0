import type { BackendCreateUserBody, BackendListUsersQuery, BackendMergeMetadataBody, BackendUpdateUserBody } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import { UsherError } from '../../errors.ts';
import { StoreConflictError, type EmailAddressRecord, type Page, type UserPatch, type UserRecord } from '../../store/types.ts';
import { normalizeName, parseEmailAddress, parseUsername } from '../identifiers.ts';
import { acceptNewPassword } from '../passwords.ts';
import { checkNewPassword } from '../new-password.ts';
import type { Runtime } from '../runtime.ts';
import { assertMetadataSize, mergeMetadata } from './metadata.ts';
import { changeEvents } from '../events.ts';

function conflict(error: unknown): never {
  if (error instanceof StoreConflictError) {
    throw new UsherError('form_identifier_exists', { paramName: error.field, longMessage: error.field === 'username' ? 'This username is taken.' : 'This email address belongs to another user.' });
  }
  throw error;
}

export async function getUserOr404(rt: Runtime, id: string): Promise<UserRecord> {
  const user = await rt.store.getUser(id);
  if (!user) throw new UsherError('user_not_found');
  return user;
}

export function listUsers(rt: Runtime, query: BackendListUsersQuery): Promise<Page<UserRecord>> {
  return rt.store.listUsers({ query: query.query?.trim() || undefined, limit: query.limit, offset: query.offset, order: query.order_by === 'created_at' ? 'asc' : 'desc' });
}

/**
 * Creates a user the way an administrator would: its addresses count as verified (the app
 * vouches for them), the password follows the instance policy and is hashed before any write.
 */
export async function createUser(rt: Runtime, config: InstanceConfig, body: BackendCreateUserBody): Promise<UserRecord> {
  const now = rt.now();
  const id = rt.newId('user');
  const addresses = [...new Set((body.email_address ?? []).map((value, i) => parseEmailAddress(value, `email_address.${i}`)))];
  const username = body.username === undefined ? null : parseUsername(body.username, 'username');
  if (addresses.length === 0 && username === null) {
    throw new UsherError('form_param_missing', { paramName: 'email_address', longMessage: 'A user needs an email address or a username to sign in with.' });
  }
  const passwordHash = body.password === undefined ? null : await rt.hasher.hash(await adminPassword(rt, config, body.password, body.skip_password_checks, [...addresses, username ?? '', body.first_name ?? '', body.last_name ?? '']));
  const emails: EmailAddressRecord[] = addresses.map((emailAddress) => ({ id: rt.newId('idn'), userId: id, emailAddress, verifiedAt: now, createdAt: now }));
  const user: UserRecord = {
    id,
    username,
    firstName: body.first_name === undefined ? null : normalizeName(body.first_name),
    lastName: body.last_name === undefined ? null : normalizeName(body.last_name),
    passwordHash,
    imageUrl: null,
    primaryEmailAddressId: emails[0]?.id ?? null,
    primaryPhoneNumberId: null,
    publicMetadata: assertMetadataSize(body.public_metadata ?? {}, 'public_metadata'),
    privateMetadata: assertMetadataSize(body.private_metadata ?? {}, 'private_metadata'),
    unsafeMetadata: assertMetadataSize(body.unsafe_metadata ?? {}, 'unsafe_metadata'),
    failedAttempts: 0,
    defaultSecondFactor: null,
    lockedUntil: null,
    bannedAt: null,
    lastSignInAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await rt.store.createUser({ user, emailAddresses: emails, emit: changeEvents(rt) }).catch(conflict);
  return user;
}

/** Replaces the given fields (metadata documents are replaced whole; see mergeUserMetadata to merge). */
export async function updateUser(rt: Runtime, config: InstanceConfig, id: string, body: BackendUpdateUserBody): Promise<UserRecord> {
  await getUserOr404(rt, id);
  const patch: UserPatch = {};
  if (body.username !== undefined) patch.username = body.username === null ? null : parseUsername(body.username, 'username');
  if (body.first_name !== undefined) patch.firstName = normalizeName(body.first_name);
  if (body.last_name !== undefined) patch.lastName = normalizeName(body.last_name);
  if (body.public_metadata !== undefined) patch.publicMetadata = assertMetadataSize(body.public_metadata, 'public_metadata');
  if (body.private_metadata !== undefined) patch.privateMetadata = assertMetadataSize(body.private_metadata, 'private_metadata');
  if (body.unsafe_metadata !== undefined) patch.unsafeMetadata = assertMetadataSize(body.unsafe_metadata, 'unsafe_metadata');
  if (body.password !== undefined) patch.passwordHash = await rt.hasher.hash(await adminPassword(rt, config, body.password, body.skip_password_checks, [body.username ?? '', body.first_name ?? '', body.last_name ?? '']));
  const updated = await rt.store.updateUser(id, patch, rt.now(), changeEvents(rt)).catch(conflict);
  if (!updated) throw new UsherError('user_not_found');
  return updated;
}

/** Deep-merges metadata (null removes a key), kind by kind. */
export async function mergeUserMetadata(rt: Runtime, id: string, body: BackendMergeMetadataBody): Promise<UserRecord> {
  const user = await getUserOr404(rt, id);
  const patch: UserPatch = {};
  if (body.public_metadata) patch.publicMetadata = assertMetadataSize(mergeMetadata(user.publicMetadata, body.public_metadata), 'public_metadata');
  if (body.private_metadata) patch.privateMetadata = assertMetadataSize(mergeMetadata(user.privateMetadata, body.private_metadata), 'private_metadata');
  if (body.unsafe_metadata) patch.unsafeMetadata = assertMetadataSize(mergeMetadata(user.unsafeMetadata, body.unsafe_metadata), 'unsafe_metadata');
  const updated = await rt.store.updateUser(id, patch, rt.now(), changeEvents(rt));
  if (!updated) throw new UsherError('user_not_found');
  return updated;
}

export async function deleteUser(rt: Runtime, id: string): Promise<void> {
  if (!(await rt.store.deleteUser(id, rt.now(), changeEvents(rt)))) throw new UsherError('user_not_found');
}

/** A ban revokes every session at once (their next token mint fails) and refuses every sign-in. */
export async function setBanned(rt: Runtime, id: string, banned: boolean): Promise<UserRecord> {
  const now = rt.now();
  const user = await rt.store.setUserBanned(id, banned ? now : null, now, changeEvents(rt));
  if (!user) throw new UsherError('user_not_found');
  return user;
}

/** Locks for the instance's lockout duration (as if the failure limit had been reached), or unlocks. */
export async function setLocked(rt: Runtime, config: InstanceConfig, id: string, locked: boolean): Promise<UserRecord> {
  const now = rt.now();
  const user = await rt.store.setUserLock(id, locked ? now + config.lockout.lockSeconds * 1000 : null, now, changeEvents(rt));
  if (!user) throw new UsherError('user_not_found');
  return user;
}

/** A password set through the Backend API: checked like a user's own unless the caller imports existing users. */
function adminPassword(rt: Runtime, config: InstanceConfig, password: string, skipChecks: boolean | undefined, userInputs: string[]): Promise<string> {
  return skipChecks ? Promise.resolve(acceptNewPassword(password, config)) : checkNewPassword(rt, password, config, { userInputs });
}

/**
 * DELETE /backend/v1/users/{id}/mfa: for a user who lost their authenticator and phone. Removes
 * the authenticator, releases the reserved numbers (they stay on the account) and deletes the
 * backup codes; sign-in then asks for the first factor only.
 */
export async function disableMfa(rt: Runtime, id: string): Promise<UserRecord> {
  const user = await getUserOr404(rt, id);
  const now = rt.now();
  await rt.store.deleteTotp({ userId: id, deleteBackupCodes: true, now, emit: changeEvents(rt) });
  for (const phone of await rt.store.listPhoneNumbers(id)) {
    if (phone.reservedForSecondFactor) await rt.store.setPhoneNumberReserved({ id: phone.id, reserved: false, now, backupCodes: [], emit: changeEvents(rt) });
  }
  await rt.store.replaceBackupCodes({ userId: id, codes: [], now, emit: changeEvents(rt) });
  return (await rt.store.updateUser(user.id, { defaultSecondFactor: null }, now)) ?? user;
}
