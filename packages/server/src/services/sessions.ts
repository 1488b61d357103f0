import type { InstanceConfig } from '../config/instance.ts';
import { sessionTokenClaims, signSessionToken } from '../crypto/session-token.ts';
import { UsherError } from '../errors.ts';
import type { ClientRecord, SessionDevice, SessionRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { effectiveSessionStatus, factorVerificationAge, newSessionDeadlines, transitionSources, transitionTarget, type SessionEvent } from './machines/session.ts';
import { MAX_SESSION_CLAIMS_BYTES } from './backend/instance-settings.ts';
import type { Runtime } from './runtime.ts';
import { resolveClaimsFor } from './tokens/shortcode-user.ts';
import { changeEvents } from './events.ts';

/** Activity is written at most once a minute per session, however often tokens are minted. */
const TOUCH_INTERVAL_MS = 60_000;

/** A new active session for a user who just verified their first factor. */
export function newSessionRecord(rt: Runtime, config: InstanceConfig, clientId: string, userId: string, device: SessionDevice): SessionRecord {
  const now = rt.now();
  return {
    id: rt.newId('sess'),
    clientId,
    userId,
    status: 'active',
    device: { ...device },
    firstFactorVerifiedAt: now,
    secondFactorVerifiedAt: null,
    lastActiveAt: now,
    ...newSessionDeadlines(now, config.sessions),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Single-session mode: a device with an active session cannot start another sign-in or sign-up
 * (409 session_exists); it signs out first.
 */
export async function assertMaySignIn(rt: Runtime, config: InstanceConfig, client: ClientRecord | null): Promise<void> {
  if (!client || !config.sessions.singleSessionMode) return;
  const now = rt.now();
  const sessions = await rt.store.listClientSessions(client.id);
  if (sessions.some((s) => effectiveSessionStatus(s, now) === 'active')) throw new UsherError('session_exists');
}

/** Multi-session mode: the user of `userId` already has an active session on this device. */
export async function isUserSignedInOnClient(rt: Runtime, client: ClientRecord | null, userId: string): Promise<boolean> {
  if (!client) return false;
  const now = rt.now();
  const sessions = await rt.store.listClientSessions(client.id);
  return sessions.some((s) => s.userId === userId && effectiveSessionStatus(s, now) === 'active');
}

/** A session of this client; another client's session is as absent as a missing one (no IDOR). */
export async function getClientSession(rt: Runtime, client: ClientRecord | null, sessionId: string): Promise<SessionRecord> {
  if (!client) throw new UsherError('authentication_invalid');
  const session = await rt.store.getSession(sessionId);
  if (!session || session.clientId !== client.id || session.status === 'removed') throw new UsherError('session_not_found');
  return session;
}

/**
 * The session as it really is now: an active one past a deadline is stored as expired on the way
 * (lazily, here rather than by a sweeper).
 */
export async function settleSession(rt: Runtime, session: SessionRecord): Promise<SessionRecord> {
  const now = rt.now();
  if (session.status === 'active' && effectiveSessionStatus(session, now) === 'expired') {
    await rt.store.setSessionStatus(session.id, ['active'], 'expired', now);
    return (await rt.store.getSession(session.id)) ?? { ...session, status: 'expired' };
  }
  return session;
}

/** An active session of this client, or 404/401. */
export async function requireActiveSession(rt: Runtime, client: ClientRecord | null, sessionId: string): Promise<SessionRecord> {
  const session = await settleSession(rt, await getClientSession(rt, client, sessionId));
  if (session.status !== 'active') throw new UsherError('session_not_active');
  return session;
}

/**
 * Mints a 60-second session token for an active session of this client and records activity.
 * `authorizedParty` is the request's allowed Origin (absent for native clients).
 */
export async function mintSessionToken(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string, authorizedParty: string | undefined): Promise<string> {
  const session = await requireActiveSession(rt, ctx.client, sessionId);
  const now = rt.now();
  const key = await rt.keys.signingKey();
  const claims = sessionTokenClaims({
    issuer: rt.issuer,
    userId: session.userId,
    sessionId: session.id,
    authorizedParty,
    nowMs: now,
    factorVerificationAge: factorVerificationAge(session, now),
  });
  // Custom claims first, Usher's own over them: no custom claim can replace sub, sid, exp…
  const custom = config.sessionToken.customClaims;
  const jwt = await signSessionToken(key, custom ? { ...(await resolveClaimsFor(rt, config, session.userId, custom, MAX_SESSION_CLAIMS_BYTES, 'The custom session claims')), ...claims } : claims);
  await rt.store.touchSession(session.id, now, config.sessions.inactivityTimeoutSeconds * 1000, TOUCH_INTERVAL_MS);
  return jwt;
}

/** Makes the session the client's active one and records activity. */
export async function touchSession(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string): Promise<SessionRecord> {
  const session = await requireActiveSession(rt, ctx.client, sessionId);
  const now = rt.now();
  await rt.store.touchSession(session.id, now, config.sessions.inactivityTimeoutSeconds * 1000, TOUCH_INTERVAL_MS);
  await rt.store.setLastActiveSession(session.clientId, session.id, now);
  return (await rt.store.getSession(session.id)) ?? session;
}

/**
 * Ends (sign out) or removes a session of this client. Idempotent: ending a session that already
 * ended answers it as it is.
 */
export async function changeSession(rt: Runtime, ctx: ClientContext, sessionId: string, event: Extract<SessionEvent, 'end' | 'remove'>): Promise<SessionRecord> {
  const session = await settleSession(rt, await getClientSession(rt, ctx.client, sessionId));
  const now = rt.now();
  await rt.store.setSessionStatus(session.id, transitionSources(event), transitionTarget(event), now, changeEvents(rt));
  const client = await ctx.reload();
  if (client && client.lastActiveSessionId === session.id) await rt.store.setLastActiveSession(client.id, null, now);
  ctx.signedOut(now);
  return (await rt.store.getSession(session.id)) ?? session;
}

/** Signs the device out of every session. */
export async function endAllSessions(rt: Runtime, ctx: ClientContext): Promise<void> {
  const client = ctx.client;
  if (!client) return;
  const now = rt.now();
  await rt.store.endClientSessions(client.id, 'ended', now, changeEvents(rt));
  ctx.signedOut(now);
}

/**
 * The session a `/me` request acts for: `?_session_id=` when given, else the client's last active
 * one. It must be an active session of this client.
 */
export async function currentSession(rt: Runtime, ctx: ClientContext, requestedId: string | null): Promise<SessionRecord> {
  const client = ctx.client;
  if (!client) throw new UsherError('authentication_invalid');
  const sessionId = requestedId ?? client.lastActiveSessionId;
  if (!sessionId) throw new UsherError('authentication_invalid');
  const session = await settleSession(rt, await getClientSession(rt, client, sessionId));
  if (session.status !== 'active') throw new UsherError('authentication_invalid', { longMessage: 'This session has ended. Sign in again.' });
  return session;
}
