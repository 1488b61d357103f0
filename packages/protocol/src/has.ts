import type { SessionTokenClaims } from './claims.ts';

/** What `has()` can ask about the active organization. Roles and permissions may omit `org:`. */
export type HasParams = { role: string; permission?: undefined } | { permission: string; role?: undefined };

/**
 * Answers whether the signed-in user has a role or a permission in the active organization. One
 * implementation for the UI (@usher/react, on the unverified claims: for showing and hiding
 * only) and for app servers (@usher/backend, on verified claims: for authorization).
 */
export type Has = (params: HasParams) => boolean;

/** The claims `has()` reads: the active organization and the user's role and permissions in it. */
export type OrgClaims = Pick<SessionTokenClaims, 'org_id' | 'org_role' | 'org_slug' | 'org_permissions'>;

/** `admin` and `org:admin` name the same role; '' and 'org:' name nothing. */
function orgKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const key = value.startsWith('org:') ? value : `org:${value}`;
  return key.length > 'org:'.length ? key : null;
}

/**
 * `has` over the given claims. Fails closed: no claims (signed out, not loaded, token unreadable),
 * no active organization (`org_id`), a malformed question or a malformed claim all answer false.
 * Given both a role and a permission, both must hold.
 *
 * @example
 * createHas({ ...claims, org_id: 'org_1', org_role: 'org:admin' })({ role: 'admin' }); // true
 */
export function createHas(claims: OrgClaims | null | undefined): Has {
  return (params) => {
    if (!claims || typeof params !== 'object' || params === null) return false;
    if (typeof claims.org_id !== 'string' || claims.org_id === '') return false;
    const { role, permission } = params as { role?: unknown; permission?: unknown };
    if (role === undefined && permission === undefined) return false;
    if (role !== undefined) {
      const wanted = orgKey(role);
      if (wanted === null || wanted !== orgKey(claims.org_role)) return false;
    }
    if (permission !== undefined) {
      const wanted = orgKey(permission);
      const granted = Array.isArray(claims.org_permissions) ? claims.org_permissions : [];
      if (wanted === null || !granted.some((p) => orgKey(p) === wanted)) return false;
    }
    return true;
  };
}
