import type { SessionJSON, UserJSON } from '@usher/protocol';
import type { SessionRecord } from '../../store/types.ts';
import { effectiveSessionStatus, factorVerificationAge } from '../machines/session.ts';

export function toSessionJSON(session: SessionRecord, user: UserJSON, now: number): SessionJSON {
  return {
    object: 'session',
    id: session.id,
    status: effectiveSessionStatus(session, now),
    user,
    factor_verification_age: factorVerificationAge(session, now),
    last_active_at: session.lastActiveAt,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}
