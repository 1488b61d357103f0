import type { SessionWithActivity, User } from '@usher/core';
import { useCallback, useEffect, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Alert } from '../../primitives/Alert.tsx';
import { Button } from '../../primitives/Button.tsx';
import { Spinner } from '../../primitives/Spinner.tsx';
import { useStepError } from '../SignIn/use-step-error.tsx';
import { ProfileSectionFrame } from './ProfileSectionFrame.tsx';

/**
 * Every device the user is signed in on: browser and system, device type, IP and location (when a
 * trusted proxy gave it), last activity, "This device" first. Another device can be signed out
 * from here; that browser loses its session within a token lifetime.
 */
export function ActiveDevicesSection({ user }: { user: User }) {
  const el = useElements();
  const { t, formatDate } = useLocalization();
  const error = useStepError([]);
  const [devices, setDevices] = useState<SessionWithActivity[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);

  const load = useCallback(async () => {
    try {
      setDevices(await user.getSessions());
    } catch (caught) {
      error.report(caught);
    }
    // The user object changes on every snapshot; its id is what the list depends on.
  }, [user.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const name = (device: SessionWithActivity): string => {
    const { browserName, browserVersion, osName } = device.latestActivity;
    if (!browserName && !osName) return t('userProfile.activeDevicesSection.unknownDevice');
    const browser = [browserName, browserVersion].filter(Boolean).join(' ') || t('userProfile.activeDevicesSection.unknownDevice');
    return osName ? t('userProfile.activeDevicesSection.deviceName', { browser, os: osName }) : browser;
  };

  const revoke = async (device: SessionWithActivity) => {
    error.clear();
    setBusy(device.id);
    try {
      await device.revoke();
      setSignedOut(true);
      await load();
    } catch (caught) {
      error.report(caught);
    }
    setBusy(null);
  };

  return (
    <ProfileSectionFrame id="activeDevices" title={t('userProfile.start.activeDevicesSection__title')}>
      {error.alert}
      {signedOut ? <Alert variant="success">{t('userProfile.activeDevicesSection.signedOut')}</Alert> : null}
      {!devices ? (
        <Spinner label={t('loading')} />
      ) : (
        <ul {...el('profileSectionItemList', { id: 'activeDevices' })}>
          {devices.map((device) => {
            const { ipAddress, city, country, deviceType } = device.latestActivity;
            const place = [city, country].filter(Boolean).join(', ');
            return (
              <li key={device.id} {...el('profileSectionItem', { id: 'activeDevice' })} data-session-id={device.id} data-device-type={deviceType ?? 'unknown'}>
                <span>
                  <span {...el('userPreviewMainIdentifier')}>{name(device)}</span>{' '}
                  {device.isThisDevice ? (
                    <span {...el('badge', { id: 'thisDevice' })} data-variant="primary">
                      {t('userProfile.activeDevicesSection.thisDevice')}
                    </span>
                  ) : null}
                  <br />
                  <span {...el('userPreviewSecondaryIdentifier')}>
                    {[ipAddress, place].filter(Boolean).join(' · ')}
                    {ipAddress || place ? ' · ' : ''}
                    {t('userProfile.activeDevicesSection.lastActive', { time: formatDate(device.lastActiveAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                    {' · '}
                    {t('userProfile.activeDevicesSection.signedIn', { time: formatDate(device.createdAt, { dateStyle: 'medium' }) })}
                  </span>
                </span>
                {!device.isThisDevice ? (
                  <Button variant="ghost" element="formButtonReset" elementId="signOutDevice" loading={busy === device.id} aria-label={t('userProfile.activeDevicesSection.signOut__named', { device: name(device) })} onClick={() => void revoke(device)}>
                    {t('userProfile.activeDevicesSection.signOut')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </ProfileSectionFrame>
  );
}
