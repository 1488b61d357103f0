import type { ActiveSessionJSON } from '@usher/protocol';
import { UsherError } from '../errors.ts';
import type { SessionRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { getMe } from './current-user.ts';
import { changeEvents } from './events.ts';
import { effectiveSessionStatus } from './machines/session.ts';
import type { Runtime } from './runtime.ts';
import { parseUserAgent } from './user-agent.ts';

function toActiveSessionJSON(session: SessionRecord, current: SessionRecord, now: number): ActiveSessionJSON {
  const device = session.device;
  const ua = parseUserAgent(device?.userAgent ?? null);
  return {
    object: 'session',
    id: session.id,
    status: effectiveSessionStatus(session, now),
    latest_activity: {
      object: 'session_activity',
      browser_name: ua.browserName,
      browser_version: ua.browserVersion,
      os_name: ua.osName,
      device_type: ua.deviceType,
      is_mobile: ua.isMobile,
      ip_address: device?.ipAddress ?? null,
      city: device?.city ?? null,
      country: device?.country ?? null,
    },
    is_this_device: session.clientId === current.clientId,
    is_current: session.id === current.id,
    last_active_at: session.lastActiveAt,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

/** Every device the user is signed in on, the current one first, then by last activity. */
export async function listActiveSessions(rt: Runtime, ctx: ClientContext, sessionId: string | null): Promise<ActiveSessionJSON[]> {
  const { session: current, user } = await getMe(rt, ctx, sessionId);
  const now = rt.now();
  const page = await rt.store.listSessions({ userId: user.id, status: 'active', limit: 200, offset: 0 });
  return page.data
    .filter((s) => effectiveSessionStatus(s, now) === 'active')
    .sort((a, b) => Number(b.id === current.id) - Number(a.id === current.id) || b.lastActiveAt - a.lastActiveAt)
    .map((s) => toActiveSessionJSON(s, current, now));
}

/**
 * Signs one of the user's devices out (revoked: its next token mint fails, so that browser is
 * signed out within a token lifetime). Another user's session id is a 404.
 */
export async function revokeMySession(rt: Runtime, ctx: ClientContext, sessionId: string | null, targetId: string): Promise<ActiveSessionJSON> {
  const { session: current, user } = await getMe(rt, ctx, sessionId);
  const target = await rt.store.getSession(targetId);
  if (!target || target.userId !== user.id) throw new UsherError('session_not_found');
  const now = rt.now();
  if (!(await rt.store.setSessionStatus(target.id, ['active'], 'revoked', now, changeEvents(rt)))) {
    throw new UsherError('session_not_active', { status: 422, longMessage: `This session is already ${target.status}.` });
  }
  if (target.clientId === current.clientId) {
    const client = await ctx.reload();
    if (client?.lastActiveSessionId === target.id) await rt.store.setLastActiveSession(client.id, null, now);
    ctx.signedOut(now);
  }
  const revoked = (await rt.store.getSession(target.id)) ?? { ...target, status: 'revoked' as const };
  return toActiveSessionJSON(revoked, current, now);
}
