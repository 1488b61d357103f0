import { Children, isValidElement, type ReactNode } from 'react';

export interface UserProfilePageProps {
  /** The navigation label. `'account'` or `'security'` without `url` places a built-in page here instead. */
  label: string;
  /** The page's route below the profile, e.g. 'billing' (path routing: /account/billing). */
  url?: string;
  labelIcon?: ReactNode;
  children?: ReactNode;
}

export interface UserProfileLinkProps {
  label: string;
  /** Where the link goes: a path of this app or an http(s) URL. */
  url: string;
  labelIcon?: ReactNode;
}

/** A page of the app's own inside <UserProfile/> (it renders nothing itself; the profile reads it). */
export function UserProfilePage(_props: UserProfilePageProps): null {
  return null;
}

/** A link in <UserProfile/>'s navigation (it renders nothing itself). */
export function UserProfileLink(_props: UserProfileLinkProps): null {
  return null;
}

export type NavEntry =
  | { kind: 'builtin'; id: 'account' | 'security'; route: string; label: string; icon: ReactNode }
  | { kind: 'page'; id: string; route: string; label: string; icon: ReactNode; content: ReactNode }
  | { kind: 'link'; id: string; url: string; label: string; icon: ReactNode };

const BUILTIN_ROUTES = { account: '', security: 'security' } as const;

/**
 * The navigation of a <UserProfile/>: the built-in pages (Profile, Security) first unless the
 * children place them with `<UserProfile.Page label="account" />`, then the app's pages and links
 * in the order given. A page needs a `url` that is not a built-in route.
 */
export function navEntries(children: ReactNode, labels: { account: string; security: string }): NavEntry[] {
  const builtin = (id: 'account' | 'security'): NavEntry => ({ kind: 'builtin', id, route: BUILTIN_ROUTES[id], label: labels[id], icon: null });
  const entries: NavEntry[] = [];
  const placed = new Set<string>();
  Children.forEach(children, (child) => {
    if (!isValidElement(child)) return;
    if (child.type === UserProfilePage) {
      const props = child.props as UserProfilePageProps;
      if (!props.url && (props.label === 'account' || props.label === 'security')) {
        entries.push(builtin(props.label));
        placed.add(props.label);
        return;
      }
      const route = (props.url ?? '').replace(/^\/+|\/+$/g, '');
      if (!route || route === 'security') throw new TypeError(`Usher: <UserProfile.Page label="${props.label}"> needs a \`url\` of its own (e.g. url="billing").`);
      entries.push({ kind: 'page', id: `custom-${route}`, route, label: props.label, icon: props.labelIcon ?? null, content: props.children });
    } else if (child.type === UserProfileLink) {
      const props = child.props as UserProfileLinkProps;
      entries.push({ kind: 'link', id: `link-${entries.length}`, url: props.url, label: props.label, icon: props.labelIcon ?? null });
    }
  });
  const missing = (['account', 'security'] as const).filter((id) => !placed.has(id)).map(builtin);
  return [...missing, ...entries];
}
