import type { Store } from '../types.ts';
import { sessionEventType } from '../change-events.ts';
import { recordEvents } from './events.ts';
import { assertAbsent, byCreation, copy, type MemoryTables } from './tables.ts';

type SessionMethods = Pick<Store, 'getSession' | 'listClientSessions' | 'setSessionStatus' | 'endClientSessions' | 'touchSession' | 'setLastActiveSession' | 'markSessionVerified' | 'changePassword'>;

export function memorySessions(t: MemoryTables): SessionMethods {
  return {
    async getSession(id) {
      const session = t.sessions.get(id);
      return session ? copy(session) : null;
    },
    async listClientSessions(clientId) {
      return [...t.sessions.values()]
        .filter((s) => s.clientId === clientId)
        .sort(byCreation((s) => s.id))
        .map(copy);
    },
    async setSessionStatus(id, from, to, now, emit) {
      const session = t.sessions.get(id);
      if (!session || !from.includes(session.status)) return false;
      Object.assign(session, { status: to, updatedAt: now });
      const type = sessionEventType(to);
      if (type) recordEvents(t, emit, [[type, id]]);
      return true;
    },
    async endClientSessions(clientId, to, now, emit) {
      let ended = 0;
      const type = sessionEventType(to);
      for (const session of t.sessions.values()) {
        if (session.clientId === clientId && session.status === 'active') {
          Object.assign(session, { status: to, updatedAt: now });
          if (type) recordEvents(t, emit, [[type, session.id]]);
          ended += 1;
        }
      }
      const client = t.clients.get(clientId);
      if (client) Object.assign(client, { lastActiveSessionId: null, updatedAt: now });
      return ended;
    },
    async touchSession(id, now, inactivityMs, minIntervalMs) {
      const session = t.sessions.get(id);
      // Activity never revives a session that already ended or ran past its inactivity deadline.
      if (!session || session.status !== 'active' || session.expireAt <= now) return;
      if (now - session.lastActiveAt <= minIntervalMs) return;
      Object.assign(session, { lastActiveAt: now, expireAt: now + inactivityMs, updatedAt: now });
    },
    async markSessionVerified(id, now) {
      const session = t.sessions.get(id);
      if (!session || session.status !== 'active') return false;
      Object.assign(session, { firstFactorVerifiedAt: now, updatedAt: now });
      return true;
    },
    async changePassword({ userId, passwordHash, revokeOtherSessionsExcept, notification, now, emit }) {
      const user = t.users.get(userId);
      if (!user) return false;
      if (notification) assertAbsent(t.outbox, notification.id, 'outbox message');
      Object.assign(user, { passwordHash, updatedAt: now });
      recordEvents(t, emit, [['user.updated', userId]]);
      if (revokeOtherSessionsExcept !== null) {
        for (const session of t.sessions.values()) {
          if (session.userId !== userId || session.status !== 'active' || session.id === revokeOtherSessionsExcept) continue;
          Object.assign(session, { status: 'revoked', updatedAt: now });
          recordEvents(t, emit, [['session.revoked', session.id]]);
        }
      }
      if (notification) t.outbox.set(notification.id, copy(notification));
      return true;
    },
    async setLastActiveSession(clientId, sessionId, now) {
      const client = t.clients.get(clientId);
      if (client) Object.assign(client, { lastActiveSessionId: sessionId, updatedAt: now });
    },
  };
}
