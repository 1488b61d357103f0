import type { Session } from '@usher/core';
import { lazy, Suspense, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { AppearanceScope } from '../../appearance/AppearanceScope.tsx';
import { MENUS_SHEET } from '../../appearance/base-styles/index.ts';
import type { Appearance } from '../../appearance/types.ts';
import { useElements } from '../../appearance/use-elements.ts';
import { afterSignOutUrl as afterSignOutTarget, allowedRedirectOrigins, authPageUrl, currentLocation, safeRedirectUrl } from '../../control/auth-urls.ts';
import { useNavigate, type Navigate } from '../../control/navigation.ts';
import { useUsher, useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { GearIcon, PlusIcon, SignOutIcon } from '../../primitives/icons.tsx';
import { Modal } from '../../primitives/Modal.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '../../primitives/Menu.tsx';
import { AVATAR_SHEET } from '../UserAvatar/avatar-sheet.ts';
import { displayName } from '../UserAvatar/avatar-choice.ts';
import { UserAvatarView } from '../UserAvatar/UserAvatarView.tsx';
import { USER_BUTTON_SHEET } from './user-button-sheet.ts';
import { UserPreview } from './UserPreview.tsx';

const SHEETS = [MENUS_SHEET, AVATAR_SHEET, USER_BUTTON_SHEET] as const;

// Loaded when "Manage account" is first chosen: pages with a UserButton do not ship the profile.
const UserProfileInternal = lazy(() => import('../UserProfile/UserProfile.tsx').then((m) => ({ default: m.UserProfileInternal })));

export interface UserButtonProps {
  /** Styles of this UserButton: the most specific level of the cascade. */
  appearance?: Appearance;
  /** Shows the user's name beside the avatar. Default false. */
  showName?: boolean;
  /**
   * Where to go once signed out; default the instance's `after_sign_out_url`, else `/`. Must pass
   * the redirect allow-list (a relative path or this page's origin), else the default is used.
   */
  afterSignOutUrl?: string;
  /**
   * Where to go after switching to another account (multi-session instances). Must pass the
   * redirect allow-list; without one (or when refused) the page stays where it is.
   */
  afterSwitchSessionUrl?: string;
  /** Opens the menu on mount (uncontrolled), e.g. for a demo or a story. Default false. */
  defaultOpen?: boolean;
  /** "Manage account" opens <UserProfile/> in a modal (default), or goes to `userProfileUrl` ('navigation'). */
  userProfileMode?: 'modal' | 'navigation';
  /** The account page for `userProfileMode="navigation"`; must pass the redirect allow-list. */
  userProfileUrl?: string;
  /** Multi-session instances: where "Add account" signs another account in; default the instance's `sign_in_url`. */
  signInUrl?: string;
}

/**
 * The signed-in user's avatar as a menu button. The menu shows who is signed in (avatar, name,
 * email) and "Sign out"; on a multi-session instance with several accounts signed in on this
 * browser, it also lists the other accounts (select one to switch to it) and "Sign out of all
 * accounts". Renders nothing until Usher is loaded and when nobody is signed in.
 *
 * Keyboard (WAI-ARIA menu button): Enter, Space or ArrowDown open on the first item, ArrowUp on
 * the last; arrows, Home/End and typeahead move; Escape closes and returns focus; Tab closes.
 *
 * Signing out of the active account while others stay signed in switches to the most recent of
 * them (and goes to `afterSwitchSessionUrl`); otherwise it goes to `afterSignOutUrl`. Navigation
 * uses the provider's `routerPush` for this origin's URLs, else a full page load.
 *
 * @example
 * <header>
 *   <SignedIn>
 *     <UserButton showName afterSignOutUrl="/goodbye" appearance={{ elements: { userButtonAvatarBox: 'size-10' } }} />
 *   </SignedIn>
 * </header>
 */
export function UserButton({ appearance, showName = false, afterSignOutUrl, afterSwitchSessionUrl, defaultOpen, userProfileMode = 'modal', userProfileUrl, signInUrl }: UserButtonProps) {
  const { isLoaded, user, session, client, environment } = useUsherSnapshot();
  const usher = useUsher();
  const go = useNavigate('push', undefined);
  const [profileOpen, setProfileOpen] = useState(false);
  const { t } = useLocalization();
  if (!isLoaded || !user || !session) return null;
  const others = (client?.activeSessions ?? []).filter((s) => s.id !== session.id);
  return (
    <AppearanceScope component="userButton" appearance={appearance} sheets={SHEETS} inline>
      <UserButtonMenu
        session={session}
        others={others}
        defaultAvatar={environment?.displayConfig.defaultAvatar ?? 'marble'}
        showName={showName}
        defaultOpen={defaultOpen}
        onSignOut={async (scope) => {
          const location = currentLocation();
          if (scope === 'current' && others.length > 0) {
            await usher.signOut({ sessionId: session.id }).catch(swallow);
            const next = usher.client?.activeSessions[0];
            if (next) {
              await usher.setActive({ session: next.id });
              await goIfAllowed(go, afterSwitchSessionUrl);
              return;
            }
          } else {
            await usher.signOut().catch(swallow);
          }
          if (location) await go(afterSignOutTarget(afterSignOutUrl, usher.environment, location));
        }}
        onSwitch={async (target) => {
          await usher.setActive({ session: target.id });
          await goIfAllowed(go, afterSwitchSessionUrl);
        }}
        onAddAccount={
          environment?.authConfig.singleSessionMode === false
            ? async () => {
                const location = currentLocation();
                // Back here once the other account is signed in.
                if (location) await go(authPageUrl({ page: 'signIn', url: signInUrl, redirectUrl: location.href }, usher.environment, location));
              }
            : null
        }
        onManageAccount={async () => {
          if (userProfileMode === 'navigation') await goIfAllowed(go, userProfileUrl);
          else setProfileOpen(true);
        }}
      />
      {profileOpen && typeof document !== 'undefined'
        ? createPortal(
            <AppearanceScope component="userButton" appearance={appearance} sheets={SHEETS}>
              <Modal label={t('userButton.action__manageAccount')} onClose={() => setProfileOpen(false)}>
                <Suspense fallback={<Spinner size="lg" label={t('loading')} />}>
                  <UserProfileInternal routing="virtual" />
                </Suspense>
              </Modal>
            </AppearanceScope>,
            document.body,
          )
        : null}
    </AppearanceScope>
  );
}

// The SDK ends the session locally even when the request fails (and rethrows): the user is signed
// out of this page either way, so the UI carries on and leaves.
function swallow(): void {}

async function goIfAllowed(go: Navigate, url: string | undefined): Promise<void> {
  const location = currentLocation();
  const target = location ? safeRedirectUrl(url, allowedRedirectOrigins(location)) : null;
  if (target) await go(target);
}

interface UserButtonMenuProps {
  session: Session;
  others: readonly Session[];
  defaultAvatar: 'marble' | 'initials';
  showName: boolean;
  defaultOpen: boolean | undefined;
  onSignOut: (scope: 'current' | 'all') => Promise<void>;
  onSwitch: (session: Session) => Promise<void>;
  onManageAccount: () => Promise<void>;
  /** Multi-session instances only. */
  onAddAccount: (() => Promise<void>) | null;
}

function UserButtonMenu({ session, others, defaultAvatar, showName, defaultOpen, onSignOut, onSwitch, onManageAccount, onAddAccount }: UserButtonMenuProps) {
  const el = useElements();
  const { t } = useLocalization();
  const busy = useRef(false);
  const user = session.user;
  const name = displayName(user);
  // One action at a time: a second click while signing out or switching does nothing.
  const once = (action: () => Promise<void>) => () => {
    if (busy.current) return;
    busy.current = true;
    void action().finally(() => {
      busy.current = false;
    });
  };

  return (
    <div {...el('userButtonBox')}>
      <Menu defaultOpen={defaultOpen}>
        {/* Named by its content, not aria-label: the visible name (and initials) stay part of the accessible name. */}
        <MenuTrigger element="userButtonTrigger">
          <UserAvatarView user={user} defaultAvatar={defaultAvatar} element="userButtonAvatarBox" decorative />
          {showName ? (
            <span {...el('userButtonOuterIdentifier')} aria-hidden="true">
              {name}
            </span>
          ) : null}
          <span className="usher-srOnly">{t('userButton.triggerLabel__withName', { name })}</span>
        </MenuTrigger>
        <MenuPopover element="userButtonPopoverCard" placement="bottom-end">
          <div {...el('userButtonPopoverMain')}>
            <UserPreview user={user} defaultAvatar={defaultAvatar} elementId="activeUser" />
          </div>
          <MenuList element="userButtonPopoverActions">
            <MenuItem element="userButtonPopoverActionButton" iconElement="userButtonPopoverActionButtonIcon" elementId="manageAccount" icon={<GearIcon />} onSelect={once(onManageAccount)}>
              <span {...el('userButtonPopoverActionButtonText', { id: 'manageAccount' })}>{t('userButton.action__manageAccount')}</span>
            </MenuItem>
            <MenuItem element="userButtonPopoverActionButton" iconElement="userButtonPopoverActionButtonIcon" elementId="signOut" icon={<SignOutIcon />} onSelect={once(() => onSignOut('current'))}>
              <span {...el('userButtonPopoverActionButtonText', { id: 'signOut' })}>{t('userButton.action__signOut')}</span>
            </MenuItem>
            {others.length > 0 ? (
              <div role="group" aria-label={t('userButton.otherAccounts')} {...el('userButtonPopoverSessionList')}>
                {others.map((other) => (
                  <MenuItem key={other.id} element="userButtonPopoverActionButton" elementId="switchSession" data-session-id={other.id} onSelect={once(() => onSwitch(other))}>
                    <UserPreview user={other.user} defaultAvatar={defaultAvatar} elementId="session" />
                  </MenuItem>
                ))}
              </div>
            ) : null}
            {onAddAccount ? (
              <MenuItem element="userButtonPopoverActionButton" iconElement="userButtonPopoverActionButtonIcon" elementId="addAccount" icon={<PlusIcon />} onSelect={once(onAddAccount)}>
                <span {...el('userButtonPopoverActionButtonText', { id: 'addAccount' })}>{t('userButton.action__addAccount')}</span>
              </MenuItem>
            ) : null}
            {others.length > 0 ? (
              <>
                <MenuItem element="userButtonPopoverActionButton" iconElement="userButtonPopoverActionButtonIcon" elementId="signOutAll" icon={<SignOutIcon />} onSelect={once(() => onSignOut('all'))}>
                  <span {...el('userButtonPopoverActionButtonText', { id: 'signOutAll' })}>{t('userButton.action__signOutAll')}</span>
                </MenuItem>
              </>
            ) : null}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
