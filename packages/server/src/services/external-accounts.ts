import type { ExternalAccountJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import { strategyOf } from '../oauth/providers.ts';
import { StoreConflictError, type ExternalAccountRecord, type ProviderIdentity, type UserRecord } from '../store/types.ts';
import { changeEvents } from './events.ts';
import type { Runtime } from './runtime.ts';

export function externalAccountRecord(rt: Runtime, userId: string, identity: ProviderIdentity): ExternalAccountRecord {
  const now = rt.now();
  return {
    id: rt.newId('eac'),
    userId,
    provider: identity.provider,
    subject: identity.subject,
    emailAddress: identity.emailAddress,
    emailVerified: identity.emailVerified,
    firstName: identity.firstName,
    lastName: identity.lastName,
    username: identity.username,
    imageUrl: identity.imageUrl,
    createdAt: now,
    updatedAt: now,
  };
}

export function toExternalAccountJSON(account: ExternalAccountRecord): ExternalAccountJSON {
  return {
    object: 'external_account',
    id: account.id,
    provider: account.provider,
    strategy: strategyOf(account.provider),
    provider_user_id: account.subject,
    email_address: account.emailAddress,
    first_name: account.firstName,
    last_name: account.lastName,
    username: account.username,
    image_url: account.imageUrl,
    verification: { status: 'verified', strategy: strategyOf(account.provider), external_verification_redirect_url: null },
    created_at: account.createdAt,
    updated_at: account.updatedAt,
  };
}

/**
 * Links a provider identity to a user (profile defaults for empty name and image). With
 * `takeOverEmailId`, the user is an unverified pre-registration of the address the provider just
 * proved: its password and sessions go (store.linkExternalAccount).
 */
export async function linkIdentity(rt: Runtime, user: UserRecord, identity: ProviderIdentity, takeOverEmailId: string | null = null): Promise<ExternalAccountRecord> {
  const account = externalAccountRecord(rt, user.id, identity);
  const profile = { firstName: identity.firstName, lastName: identity.lastName, imageUrl: identity.imageUrl };
  try {
    const linked = await rt.store.linkExternalAccount({ account, takeOver: takeOverEmailId === null ? null : { emailAddressId: takeOverEmailId }, profile, now: rt.now(), emit: changeEvents(rt) });
    if (!linked) throw new UsherError('user_not_found');
  } catch (error) {
    if (error instanceof StoreConflictError) {
      if (error.field === 'external_account') throw new UsherError('external_account_exists');
      throw new UsherError('form_identifier_exists', { paramName: 'email_address', longMessage: 'This email address was verified by another account meanwhile.' });
    }
    throw error;
  }
  return account;
}

/**
 * Whether the user keeps a way in without `exceptAccountId`: a password, another provider
 * account, or a verified address or number they can receive a sign-in code at.
 */
export async function hasOtherWayIn(rt: Runtime, config: InstanceConfig, user: UserRecord, exceptAccountId: string): Promise<boolean> {
  if (user.passwordHash !== null && config.attributes.password.enabled) return true;
  const accounts = await rt.store.listExternalAccounts(user.id);
  if (accounts.some((a) => a.id !== exceptAccountId)) return true;
  const email = config.attributes.emailAddress;
  if (email.enabled && email.usedForFirstFactor && email.firstFactors.length > 0) {
    if ((await rt.store.listEmailAddresses(user.id)).some((e) => e.verifiedAt !== null)) return true;
  }
  return false;
}

/** DELETE /v1/me/external_accounts/{id}: unless it is the last way in. */
export async function disconnectExternalAccount(rt: Runtime, config: InstanceConfig, user: UserRecord, id: string): Promise<void> {
  const account = await rt.store.getExternalAccount(id);
  if (!account || account.userId !== user.id) throw new UsherError('external_account_not_found');
  if (!(await hasOtherWayIn(rt, config, user, account.id))) throw new UsherError('external_account_last_identification');
  if (!(await rt.store.deleteExternalAccount(user.id, id, rt.now(), changeEvents(rt)))) throw new UsherError('external_account_not_found');
}

/**
 * A sign-in that proved the account of a provider identity it held (oauth-resolve.ts, case 3): link it now.
 * A failure to link never undoes the sign-in; it is logged.
 */
export async function linkHeldIdentity(rt: Runtime, signInId: string, user: UserRecord): Promise<void> {
  const held = await rt.store.findHeldOAuthIdentity(signInId, rt.now());
  if (!held?.identity) return;
  try {
    await linkIdentity(rt, user, held.identity);
  } catch (error) {
    rt.logger.warn('oauth: the held provider account could not be linked', { signInId, provider: held.provider, error: error instanceof Error ? error.message : String(error) });
  }
}
