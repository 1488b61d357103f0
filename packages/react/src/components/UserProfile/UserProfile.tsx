import { isUsherAPIError, type Session } from '@usher/core';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { AppearanceScope } from '../../appearance/AppearanceScope.tsx';
import { MENUS_SHEET } from '../../appearance/base-styles/index.ts';
import type { Appearance } from '../../appearance/types.ts';
import { useElements } from '../../appearance/use-elements.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useNavigate } from '../../control/navigation.ts';
import { navEntries, UserProfileLink, UserProfilePage, type NavEntry } from './custom-pages.tsx';
import type { RoutingMode } from '../../router/RouterContext.ts';
import { RouterProvider, useRouter } from '../../router/RouterProvider.tsx';
import { AVATAR_SHEET } from '../UserAvatar/avatar-sheet.ts';
import { EmailAddressesSection, PhoneNumbersSection } from './IdentifierSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ActiveDevicesSection } from './ActiveDevicesSection.tsx';
import { DeleteAccountSection } from './DeleteAccountSection.tsx';
import { TwoStepSection } from './TwoStepSection.tsx';
import { ConnectedAccountsSection } from './ConnectedAccountsSection.tsx';
import { Reverification } from './Reverification.tsx';
import { USER_PROFILE_ROUTES, UserProfileContext, type UserProfileFlow } from './user-profile-context.ts';

const SHEETS = [MENUS_SHEET, AVATAR_SHEET] as const;

export interface UserProfileProps {
  /** 'path' (default when `path` is given) follows the URL below `path`; 'hash' uses `#/…`; 'virtual' keeps the page in memory (modals). */
  routing?: RoutingMode;
  /** The page's path with `routing="path"`, e.g. '/account'. */
  path?: string;
  appearance?: Appearance;
  /**
   * The page a provider sends the user back to after "Connect account"; it renders
   * `<AuthenticateWithRedirectCallback/>`. Default: the sign-in page's `sso-callback` route.
   */
  oauthRedirectUrl?: string;
  /** `<UserProfile.Page>` and `<UserProfile.Link>` elements: the app's own pages and links in the navigation. */
  children?: ReactNode;
}

/** @internal for stories and tests: start virtual routing at a page. */
export interface UserProfileInternalProps extends UserProfileProps {
  initialRoute?: string;
}

/**
 * The signed-in user's account page: a navigation (Profile, Security) and the page's sections.
 * Profile: avatar and name, email addresses, connected accounts (when the instance offers social providers). Security: password, two-step verification (when the
 * instance offers it), active devices, deleting the account (when the instance allows it).
 * Sensitive changes ask the user to confirm it is them, inline, when their last verification is
 * older than 10 minutes, then carry on. Renders nothing when nobody is signed in.
 *
 * @example
 * <UserProfile routing="path" path="/account">
 *   <UserProfile.Page label="Billing" url="billing" labelIcon={<CardIcon />}><Billing /></UserProfile.Page>
 *   <UserProfile.Link label="Help" url="/help" />
 * </UserProfile>
 */
export function UserProfile(props: UserProfileProps) {
  return <UserProfileInternal {...props} />;
}
UserProfile.Page = UserProfilePage;
UserProfile.Link = UserProfileLink;

/** @internal */
export function UserProfileInternal({ routing, path, appearance, initialRoute, oauthRedirectUrl, children }: UserProfileInternalProps) {
  const mode: RoutingMode = routing ?? (path ? 'path' : 'hash');
  return (
    <AppearanceScope component="userProfile" appearance={appearance} sheets={SHEETS}>
      <RouterProvider routing={mode} path={path} initialRoute={initialRoute}>
        <UserProfileFrame custom={children} oauthRedirectUrl={oauthRedirectUrl} />
      </RouterProvider>
    </AppearanceScope>
  );
}

interface Pending {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

function UserProfileFrame({ custom, oauthRedirectUrl }: { custom: ReactNode; oauthRedirectUrl: string | undefined }) {
  const el = useElements();
  const { t } = useLocalization();
  const { route, navigate } = useRouter();
  const go = useNavigate('push', undefined);
  const { isLoaded, user, session, environment } = useUsherSnapshot();
  const [pending, setPending] = useState<Pending | null>(null);
  // Narrow screens hide the navigation behind a menu button (see the userProfile frame styles).
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();

  const guard = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await action();
    } catch (caught) {
      if (!isUsherAPIError(caught) || !caught.hasCode('session_reverification_required')) throw caught;
      return new Promise<T | undefined>((resolve, reject) => setPending({ run: action, resolve: resolve as (value: unknown) => void, reject }));
    }
  }, []);
  const flow = useMemo<UserProfileFlow>(() => ({ guard }), [guard]);

  if (!isLoaded) {
    return (
      <div {...el('cardBox')} aria-busy="true">
        <Spinner size="lg" label={t('loading')} />
      </div>
    );
  }
  if (!user || !session) return null;

  const mfa = environment?.userSettings.mfa;
  const entries = navEntries(custom, { account: t('userProfile.navbar.account'), security: t('userProfile.navbar.security') });
  const pages = entries.filter((entry): entry is Exclude<NavEntry, { kind: 'link' }> => entry.kind !== 'link');
  const current = pages.find((page) => page.route === route) ?? pages.find((page) => page.route === USER_PROFILE_ROUTES.account) ?? pages[0]!;

  return (
    <UserProfileContext.Provider value={flow}>
      <div {...el('cardBox')}>
        <nav {...el('navbar', { state: menuOpen ? 'open' : undefined })} id={navId} data-state={menuOpen ? 'open' : 'closed'} aria-label={t('userProfile.navbar.title')}>
          <h1 {...el('headerTitle', { id: 'navbar' })}>{t('userProfile.navbar.title')}</h1>
          <p {...el('headerSubtitle', { id: 'navbar' })}>{t('userProfile.navbar.description')}</p>
          {entries.map((entry) =>
            entry.kind === 'link' ? (
              <a
                key={entry.id}
                href={entry.url}
                {...el('navbarButton', { id: entry.id })}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  void go(entry.url);
                }}
              >
                {entry.icon ? <span {...el('navbarButtonIcon', { id: entry.id })}>{entry.icon}</span> : null}
                {entry.label}
              </a>
            ) : (
              <button
                key={entry.id}
                type="button"
                {...el('navbarButton', { id: entry.id })}
                aria-current={entry === current ? 'page' : undefined}
                onClick={() => {
                  setMenuOpen(false);
                  void navigate(entry.route);
                }}
              >
                {entry.icon ? <span {...el('navbarButtonIcon', { id: entry.id })}>{entry.icon}</span> : null}
                {entry.label}
              </button>
            ),
          )}
        </nav>
        <div {...el('pageScrollBox')}>
          <button type="button" {...el('navbarMobileMenuButton')} aria-expanded={menuOpen} aria-controls={navId} onClick={() => setMenuOpen((open) => !open)}>
            {t('userProfile.navbar.title')}
          </button>
          <div {...el('page', { id: current.id })}>
            <h2 {...el('headerTitle', { id: current.id })}>
              {current.kind === 'page' ? current.label : current.id === 'account' ? t('userProfile.start.headerTitle__account') : t('userProfile.start.headerTitle__security')}
            </h2>
            {pending ? <ReverificationPrompt session={session} pending={pending} done={() => setPending(null)} /> : null}
            {current.kind === 'page' ? (
              current.content
            ) : current.id === 'account' ? (
              <>
                <ProfileSection user={user} />
                <EmailAddressesSection user={user} />
                {environment?.userSettings.attributes.phoneNumber?.enabled ? <PhoneNumbersSection user={user} /> : null}
                {environment?.userSettings.social.length || user.externalAccounts.length ? <ConnectedAccountsSection user={user} oauthRedirectUrl={oauthRedirectUrl} /> : null}
              </>
            ) : (
              <>
                <PasswordSection user={user} />
                {mfa && (mfa.totp || mfa.phoneCode) ? <TwoStepSection user={user} mfa={mfa} /> : null}
                <ActiveDevicesSection user={user} />
                {environment?.userSettings.actions.deleteSelf ? <DeleteAccountSection user={user} /> : null}
              </>
            )}
          </div>
        </div>
      </div>
    </UserProfileContext.Provider>
  );
}

function ReverificationPrompt({ session, pending, done }: { session: Session; pending: Pending; done: () => void }) {
  return (
    <Reverification
      session={session}
      onVerified={() => {
        done();
        pending.run().then(pending.resolve, pending.reject);
      }}
      onCancel={() => {
        done();
        pending.resolve(undefined);
      }}
    />
  );
}
