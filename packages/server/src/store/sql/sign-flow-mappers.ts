import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SignInRecord, SignUpRecord } from '../types.ts';
import { ms, msOrNull } from './mappers.ts';
import type { SignInsTable, SignUpsTable } from './schema.ts';

// Row <-> record conversion of sign-in and sign-up attempts, and the patches that update them.

export const toSignIn = (r: Selectable<SignInsTable>): SignInRecord => ({
  id: r.id,
  clientId: r.client_id,
  status: r.status as SignInRecord['status'],
  identifier: r.identifier,
  userId: r.user_id,
  firstFactorStrategy: r.first_factor_strategy as SignInRecord['firstFactorStrategy'],
  firstFactorStatus: r.first_factor_status as SignInRecord['firstFactorStatus'],
  secondFactorStrategy: (r.second_factor_strategy ?? null) as SignInRecord['secondFactorStrategy'],
  secondFactorStatus: (r.second_factor_status ?? null) as SignInRecord['secondFactorStatus'],
  secondFactorPhoneNumberId: r.second_factor_phone_number_id ?? null,
  pendingPasswordHash: r.pending_password_hash ?? null,
  pendingSignOutOthers: Boolean(r.pending_sign_out_others),
  redirectUrl: r.redirect_url,
  createdSessionId: r.created_session_id,
  abandonAt: ms(r.abandon_at),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromSignIn = (s: SignInRecord): Insertable<SignInsTable> => ({
  id: s.id,
  client_id: s.clientId,
  status: s.status,
  identifier: s.identifier,
  user_id: s.userId,
  first_factor_strategy: s.firstFactorStrategy,
  first_factor_status: s.firstFactorStatus,
  second_factor_strategy: s.secondFactorStrategy,
  second_factor_status: s.secondFactorStatus,
  second_factor_phone_number_id: s.secondFactorPhoneNumberId,
  pending_password_hash: s.pendingPasswordHash,
  pending_sign_out_others: s.pendingSignOutOthers ? 1 : 0,
  redirect_url: s.redirectUrl,
  created_session_id: s.createdSessionId,
  abandon_at: s.abandonAt,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});
/** Keys absent from the patch stay undefined, and Kysely writes no column for them; id, client and creation never change. */
export const signInPatch = (p: Partial<Omit<SignInRecord, 'id' | 'clientId' | 'createdAt'>>) =>
  ({
    status: p.status,
    identifier: p.identifier,
    user_id: p.userId,
    first_factor_strategy: p.firstFactorStrategy,
    first_factor_status: p.firstFactorStatus,
    second_factor_strategy: p.secondFactorStrategy,
    second_factor_status: p.secondFactorStatus,
    second_factor_phone_number_id: p.secondFactorPhoneNumberId,
    pending_password_hash: p.pendingPasswordHash,
    pending_sign_out_others: p.pendingSignOutOthers === undefined ? undefined : p.pendingSignOutOthers ? 1 : 0,
    redirect_url: p.redirectUrl,
    created_session_id: p.createdSessionId,
    abandon_at: p.abandonAt,
    updated_at: p.updatedAt,
  }) as const satisfies Updateable<SignInsTable>;

export const toSignUp = (r: Selectable<SignUpsTable>): SignUpRecord => ({
  id: r.id,
  clientId: r.client_id,
  status: r.status as SignUpRecord['status'],
  emailAddress: r.email_address,
  emailVerifiedAt: msOrNull(r.email_verified_at),
  username: r.username,
  firstName: r.first_name,
  lastName: r.last_name,
  passwordHash: r.password_hash,
  legalAcceptedAt: msOrNull(r.legal_accepted_at),
  redirectUrl: r.redirect_url,
  createdUserId: r.created_user_id,
  createdSessionId: r.created_session_id,
  abandonAt: ms(r.abandon_at),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});
export const fromSignUp = (s: SignUpRecord): Insertable<SignUpsTable> => ({
  id: s.id,
  client_id: s.clientId,
  status: s.status,
  email_address: s.emailAddress,
  email_verified_at: s.emailVerifiedAt,
  username: s.username,
  first_name: s.firstName,
  last_name: s.lastName,
  password_hash: s.passwordHash,
  legal_accepted_at: s.legalAcceptedAt,
  redirect_url: s.redirectUrl,
  created_user_id: s.createdUserId,
  created_session_id: s.createdSessionId,
  abandon_at: s.abandonAt,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});
/** Like signInPatch. */
export const signUpPatch = (p: Partial<Omit<SignUpRecord, 'id' | 'clientId' | 'createdAt'>>) =>
  ({
    status: p.status,
    email_address: p.emailAddress,
    email_verified_at: p.emailVerifiedAt,
    username: p.username,
    first_name: p.firstName,
    last_name: p.lastName,
    password_hash: p.passwordHash,
    legal_accepted_at: p.legalAcceptedAt,
    redirect_url: p.redirectUrl,
    created_user_id: p.createdUserId,
    created_session_id: p.createdSessionId,
    abandon_at: p.abandonAt,
    updated_at: p.updatedAt,
  }) as const satisfies Updateable<SignUpsTable>;
