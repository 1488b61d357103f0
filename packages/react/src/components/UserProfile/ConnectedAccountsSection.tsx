import type { ExternalAccount, OAuthStrategy, User } from '@usher/core';
import { useEffect, useRef, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Form } from '../../primitives/Form.tsx';
import { MoreIcon, PlusIcon } from '../../primitives/icons.tsx';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '../../primitives/Menu.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { ProviderIcon } from '../SocialButtons/provider-icons.tsx';
import { useSocialProviders, type SocialProvider } from '../SocialButtons/social-providers.ts';
import { connectRedirectUrl } from './connect-redirect-url.ts';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';
import { useUserProfileFlow } from './user-profile-context.ts';

/** The provider an account belongs to, as the instance names it (a provider since disabled keeps its id). */
function providerOf(account: ExternalAccount, providers: readonly SocialProvider[]): SocialProvider {
  return providers.find((p) => p.provider === account.provider) ?? { provider: account.provider, strategy: account.strategy, name: account.provider, icon: null };
}

/**
 * "Connected accounts" on the Profile page: the user's provider accounts (icon, provider, the
 * account's email or username), a "Connect account" menu of the instance's providers not yet
 * connected (it leaves for the provider and comes back here), and "Disconnect" behind a
 * confirmation. The server refuses to disconnect the account's only way in
 * (`external_account_last_identification`); the alert says so.
 */
export function ConnectedAccountsSection({ user, oauthRedirectUrl }: { user: User; oauthRedirectUrl?: string | undefined }) {
  const el = useElements();
  const { t } = useLocalization();
  const { guard } = useUserProfileFlow();
  const providers = useSocialProviders();
  const signInPage = useUsherSnapshot().environment?.displayConfig.signInUrl ?? '/sign-in';
  const error = useStepError([]);
  const [confirming, setConfirming] = useState<ExternalAccount | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const returning = useRef(false);

  useEffect(() => {
    if (confirming || !returning.current) return;
    returning.current = false;
    title.current?.focus();
  }, [confirming]);

  const connected = new Set(user.externalAccounts.map((a) => a.provider));
  const available = providers.filter((p) => !connected.has(p.provider));

  const connect = async (strategy: OAuthStrategy) => {
    error.clear();
    setNotice(null);
    setBusy(strategy);
    try {
      // On success the page is left for the provider's; the busy state stays until then.
      const left = await guard(() => user.createExternalAccount({ strategy, redirectUrl: connectRedirectUrl(oauthRedirectUrl, signInPage), redirectUrlComplete: window.location.href }));
      if (left === undefined) setBusy(null);
    } catch (caught) {
      error.report(caught);
      setBusy(null);
    }
  };

  const disconnect = async (account: ExternalAccount) => {
    error.clear();
    setBusy(account.id);
    try {
      const done = await guard(() => account.destroy().then(() => true));
      if (done) setNotice(t('social.connectedAccounts.disconnected', { provider: providerOf(account, providers).name }));
    } catch (caught) {
      error.report(caught);
    }
    setBusy(null);
    returning.current = true;
    setConfirming(null);
  };

  const cancel = () => {
    returning.current = true;
    setConfirming(null);
  };

  return (
    <ProfileSectionFrame id="connectedAccounts" title={t('social.connectedAccounts.title')} titleRef={title}>
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      {error.alert}
      {confirming ? (
        <Form onSubmit={() => disconnect(confirming)} loading={busy !== null} aria-label={t('social.connectedAccounts.disconnectTitle', { provider: providerOf(confirming, providers).name })}>
          <p {...el('headerSubtitle', { id: 'disconnectAccount' })}>
            {t('social.connectedAccounts.disconnectSubtitle', { identifier: confirming.emailAddress ?? confirming.username ?? providerOf(confirming, providers).name })}
          </p>
          <div {...el('profileSectionActions', { id: 'disconnectAccount' })}>
            <Button type="submit" element="formButtonPrimary" elementId="danger" loading={busy !== null}>
              {t('social.connectedAccounts.disconnect')}
            </Button>
            {/* Focus starts on the way out, not on the destructive action. */}
            <Button variant="ghost" element="formButtonReset" onClick={cancel} autoFocus>
              {t('formButtonReset')}
            </Button>
          </div>
        </Form>
      ) : (
        <>
          {user.externalAccounts.length === 0 ? <p {...el('headerSubtitle', { id: 'connectedAccounts' })}>{t('social.connectedAccounts.none')}</p> : null}
          <ul {...el('profileSectionItemList', { id: 'connectedAccounts' })}>
            {user.externalAccounts.map((account) => {
              const provider = providerOf(account, providers);
              return (
                <li key={account.id} {...el('profileSectionItem', { id: 'connectedAccount' })} data-provider={account.provider}>
                  <span {...el('connectedAccount', { id: account.provider })}>
                    <ProviderIcon provider={provider} {...el('socialButtonsProviderIcon', { id: account.provider })} />
                    <span {...el('connectedAccountText', { id: account.provider })}>
                      <span>{provider.name}</span>
                      {account.emailAddress || account.username ? <span {...el('connectedAccountIdentifier', { id: account.provider })}>{account.emailAddress ?? account.username}</span> : null}
                    </span>
                  </span>
                  <Menu>
                    <MenuTrigger element="menuButton" aria-label={t('social.connectedAccounts.actionsLabel', { provider: provider.name })}>
                      <MoreIcon />
                    </MenuTrigger>
                    <MenuPopover placement="bottom-end">
                      <MenuList>
                        <MenuItem elementId="disconnect" onSelect={() => {
                            error.clear();
                            setNotice(null);
                            setConfirming(account);
                          }}>
                          {t('social.connectedAccounts.disconnect')}
                        </MenuItem>
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </li>
              );
            })}
          </ul>
          {available.length > 0 ? (
            <Menu>
              <MenuTrigger element="profileSectionPrimaryButton" className="usher-button" data-variant="ghost" aria-busy={busy !== null || undefined}>
                <PlusIcon /> {t('social.connectedAccounts.connect')}
              </MenuTrigger>
              <MenuPopover placement="bottom-start">
                <MenuList>
                  {available.map((provider) => (
                    <MenuItem
                      key={provider.strategy}
                      elementId={provider.provider}
                      icon={<ProviderIcon provider={provider} {...el('socialButtonsProviderIcon', { id: provider.provider })} />}
                      disabled={busy !== null}
                      onSelect={() => void connect(provider.strategy)}
                    >
                      {t('social.connectedAccounts.connectWith', { provider: provider.name })}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : null}
        </>
      )}
    </ProfileSectionFrame>
  );
}
