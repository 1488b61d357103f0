import type { ActiveSessionJSON, SessionStatus } from '@usher/protocol';
import type { ResourceContext } from './resource-context.ts';

/** One signed-in device of the user, as "Active devices" lists it (`user.getSessions()`). */
export interface SessionWithActivity {
  readonly id: string;
  readonly status: SessionStatus;
  readonly latestActivity: {
    readonly browserName: string | null;
    readonly browserVersion: string | null;
    readonly osName: string | null;
    readonly deviceType: 'desktop' | 'mobile' | 'tablet' | null;
    readonly isMobile: boolean;
    readonly ipAddress: string | null;
    readonly city: string | null;
    readonly country: string | null;
  };
  /** A session of this browser. */
  readonly isThisDevice: boolean;
  /** The session this page acts for. */
  readonly isCurrent: boolean;
  /** Unix milliseconds. */
  readonly lastActiveAt: number;
  readonly createdAt: number;
  /** Signs that device out (its next token mint fails). */
  revoke(): Promise<void>;
}

/** @internal */
export function toSessionWithActivity(json: ActiveSessionJSON, ctx: ResourceContext, actingSessionId: string | undefined): SessionWithActivity {
  const a = json.latest_activity;
  return Object.freeze({
    id: json.id,
    status: json.status,
    latestActivity: Object.freeze({
      browserName: a.browser_name,
      browserVersion: a.browser_version,
      osName: a.os_name,
      deviceType: a.device_type,
      isMobile: a.is_mobile,
      ipAddress: a.ip_address,
      city: a.city,
      country: a.country,
    }),
    isThisDevice: json.is_this_device,
    isCurrent: json.is_current,
    lastActiveAt: json.last_active_at,
    createdAt: json.created_at,
    async revoke() {
      await ctx.call<ActiveSessionJSON>({ method: 'POST', path: `/me/sessions/${json.id}/revoke`, query: { _session_id: actingSessionId }, body: {} });
    },
  });
}
