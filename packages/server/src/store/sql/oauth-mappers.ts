import type { Insertable, Selectable } from 'kysely';
import type { ExternalAccountRecord, OAuthAttemptRecord, ProviderIdentity } from '../types.ts';
import type { SqlDialect } from './context.ts';
import { ms } from './mappers.ts';
import type { ExternalAccountsTable, OAuthAttemptsTable } from './schema.ts';

// Row <-> record conversion of OAuth attempts and provider accounts. The identity is JSON text;
// a boolean column holds 0/1 on SQLite, hence the dialect on the way in and Boolean() on the way out.

export const toOAuthAttempt = (r: Selectable<OAuthAttemptsTable>): OAuthAttemptRecord => ({
  id: r.id,
  provider: r.provider,
  purpose: r.purpose as OAuthAttemptRecord['purpose'],
  ownerId: r.owner_id,
  clientId: r.client_id,
  stateHash: r.state_hash,
  sealedCodeVerifier: r.sealed_code_verifier,
  nonce: r.nonce,
  redirectUrl: r.redirect_url,
  actionCompleteRedirectUrl: r.action_complete_redirect_url,
  status: r.status as OAuthAttemptRecord['status'],
  identity: r.identity === null ? null : (JSON.parse(r.identity) as ProviderIdentity),
  expireAt: ms(r.expire_at),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromOAuthAttempt = (a: OAuthAttemptRecord): Insertable<OAuthAttemptsTable> => ({
  id: a.id,
  provider: a.provider,
  purpose: a.purpose,
  owner_id: a.ownerId,
  client_id: a.clientId,
  state_hash: a.stateHash,
  sealed_code_verifier: a.sealedCodeVerifier,
  nonce: a.nonce,
  redirect_url: a.redirectUrl,
  action_complete_redirect_url: a.actionCompleteRedirectUrl,
  status: a.status,
  identity: a.identity === null ? null : JSON.stringify(a.identity),
  expire_at: a.expireAt,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

export const toExternalAccount = (r: Selectable<ExternalAccountsTable>): ExternalAccountRecord => ({
  id: r.id,
  userId: r.user_id,
  provider: r.provider,
  subject: r.subject,
  emailAddress: r.email_address,
  emailVerified: Boolean(r.email_verified),
  firstName: r.first_name,
  lastName: r.last_name,
  username: r.username,
  imageUrl: r.image_url,
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromExternalAccount = (a: ExternalAccountRecord, dialect: SqlDialect): Insertable<ExternalAccountsTable> => ({
  id: a.id,
  user_id: a.userId,
  provider: a.provider,
  subject: a.subject,
  email_address: a.emailAddress,
  email_verified: dialect === 'sqlite' ? Number(a.emailVerified) : a.emailVerified,
  first_name: a.firstName,
  last_name: a.lastName,
  username: a.username,
  image_url: a.imageUrl,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});
