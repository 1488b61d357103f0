import type { ReactNode } from 'react';
import { createHas, type Has } from '@usher/protocol/has';
import { useAuthState } from '../hooks/use-auth-state.ts';

interface ProtectBaseProps {
  children?: ReactNode;
  /** Shown when signed out or when the check fails. Default: nothing. */
  fallback?: ReactNode;
}

export type ProtectProps = ProtectBaseProps &
  (
    | { condition?: undefined; role?: undefined; permission?: undefined }
    | { /** Passes when it answers `true`. */ condition: (has: Has) => boolean; role?: undefined; permission?: undefined }
    | { /** A role in the active organization (`admin` or `org:admin`). */ role: string; condition?: undefined; permission?: undefined }
    | { /** A permission in the active organization (`invoices:read` or `org:invoices:read`). */ permission: string; condition?: undefined; role?: undefined }
  );

/**
 * Renders its children only to a signed-in user who passes the check: a `role` or a `permission`
 * in the active organization, or a `condition` over `has`; with none of them, being signed in is
 * enough. Otherwise renders `fallback`. Renders nothing until Usher has loaded (and, for a check,
 * until the session's claims are read); with the provider's `initialState` it answers from that
 * state until then, so server HTML already shows the right side. Fails closed: no active organization, an unreadable token
 * or an invalid check all mean `fallback`.
 *
 * The claims come from the session token read without verification: Protect hides UI, it does
 * not secure anything. Check the token on your server (@usher/backend) before acting.
 *
 * @example
 * <Protect permission="org:invoices:read" fallback={<p>Ask an admin for access.</p>}>
 *   <Invoices />
 * </Protect>
 * <Protect condition={(has) => has({ role: 'admin' }) || has({ role: 'billing' })}>
 *   <BillingSettings />
 * </Protect>
 */
export function Protect(props: ProtectProps) {
  const { children, fallback = null, condition, role, permission } = props;
  const checks = condition !== undefined || role !== undefined || permission !== undefined;
  const state = useAuthState(checks);

  if (state.status === 'loading') return null;
  if (state.status === 'signed-out') return <>{fallback}</>;
  if (!checks) return <>{children}</>;
  if (state.claims === undefined) return null;

  const has = createHas(state.claims);
  // Every given check must pass; anything but a literal `true` from the condition is a no.
  const allowed =
    (condition === undefined || condition(has) === true) && (role === undefined || has({ role })) && (permission === undefined || has({ permission }));
  return <>{allowed ? children : fallback}</>;
}
