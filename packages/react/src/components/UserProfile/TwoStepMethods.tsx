import type { Environment, PhoneNumber, User } from '@usher/core';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { MoreIcon, PlusIcon } from '../../primitives/icons.tsx';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '../../primitives/Menu.tsx';

/** The instance's second factors (`environment.userSettings.mfa`). */
export type MfaSettings = Environment['userSettings']['mfa'];

/** A change to one phone number's part in 2-step verification. */
export type PhoneChange = 'use' | 'stop' | 'makeDefault';

export interface TwoStepMethodsProps {
  user: User;
  mfa: MfaSettings;
  onAddTotp: () => void;
  onRemoveTotp: () => void;
  onPhone: (phone: PhoneNumber, change: PhoneChange) => void;
  onRegenerate: () => void;
  onGoToProfile: () => void;
}

/**
 * The methods of the two-step section, one row each: the authenticator app (Add, or Enabled and
 * a menu to remove it), text message codes (the user's verified numbers, each with a menu to use
 * it, stop using it or make it the default), and backup codes once a second factor exists.
 */
export function TwoStepMethods({ user, mfa, onAddTotp, onRemoveTotp, onPhone, onRegenerate, onGoToProfile }: TwoStepMethodsProps) {
  const el = useElements();
  const { t } = useLocalization();
  const phones = user.phoneNumbers.filter((p) => p.verified);
  // "Make default" only means something when sign-in has more than one method to open with.
  const methods = (user.totpEnabled ? 1 : 0) + phones.filter((p) => p.reservedForSecondFactor).length;

  return (
    <ul {...el('profileSectionItemList', { id: 'twoStep' })}>
      {mfa.totp ? (
        <li {...el(['profileSectionItem', 'twoStepMethod'], { id: 'totp' })}>
          <div {...el('twoStepMethodText', { id: 'totp' })}>
            <span>
              {t('twoStepProfile.totp.title')}{' '}
              {user.totpEnabled ? (
                <span {...el('badge', { id: 'enabled' })} data-variant="success">
                  {t('twoStepProfile.badge__enabled')}
                </span>
              ) : null}
            </span>
            <span {...el('twoStepMethodDescription', { id: 'totp' })}>{t('twoStepProfile.totp.description')}</span>
          </div>
          {user.totpEnabled ? (
            <Menu>
              <MenuTrigger element="menuButton" aria-label={t('twoStepProfile.totp.actionsLabel')}>
                <MoreIcon />
              </MenuTrigger>
              <MenuPopover placement="bottom-end">
                <MenuList>
                  <MenuItem elementId="removeTotp" onSelect={onRemoveTotp}>
                    {t('twoStepProfile.totp.action__remove')}
                  </MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : (
            <Button variant="ghost" element="profileSectionPrimaryButton" elementId="totp" onClick={onAddTotp}>
              <PlusIcon /> {t('twoStepProfile.totp.add')}
            </Button>
          )}
        </li>
      ) : null}

      {mfa.phoneCode ? (
        <li {...el(['profileSectionItem', 'twoStepMethod'], { id: 'phoneCode' })}>
          <div {...el('twoStepMethodText', { id: 'phoneCode' })}>
            <span>{t('twoStepProfile.sms.title')}</span>
            <span {...el('twoStepMethodDescription', { id: 'phoneCode' })}>{t('twoStepProfile.sms.description')}</span>
            {phones.length === 0 ? (
              <span {...el('twoStepMethodDescription', { id: 'noPhoneNumbers' })}>
                {t('twoStepProfile.sms.noNumbers')}{' '}
                <Button variant="link" element="profileSectionPrimaryButton" elementId="goToProfile" onClick={onGoToProfile}>
                  {t('twoStepProfile.sms.goToProfile')}
                </Button>
              </span>
            ) : null}
          </div>
          {phones.length > 0 ? (
            <ul {...el('profileSectionItemList', { id: 'twoStepPhoneNumbers' })}>
              {phones.map((phone) => (
                <li key={phone.id} {...el('profileSectionItem', { id: 'twoStepPhoneNumber' })} data-identifier-id={phone.id}>
                  <span>
                    {phone.phoneNumber}{' '}
                    {phone.reservedForSecondFactor ? (
                      <span {...el('badge', { id: 'inUse' })} data-variant="success">
                        {t('twoStepProfile.badge__inUse')}
                      </span>
                    ) : null}{' '}
                    {phone.defaultSecondFactor ? (
                      <span {...el('badge', { id: 'default' })} data-variant="primary">
                        {t('twoStepProfile.badge__default')}
                      </span>
                    ) : null}
                  </span>
                  <Menu>
                    <MenuTrigger element="menuButton" aria-label={t('twoStepProfile.sms.actionsLabel', { identifier: phone.phoneNumber })}>
                      <MoreIcon />
                    </MenuTrigger>
                    <MenuPopover placement="bottom-end">
                      <MenuList>
                        {!phone.reservedForSecondFactor ? (
                          <MenuItem elementId="useForTwoStep" onSelect={() => onPhone(phone, 'use')}>
                            {t('twoStepProfile.sms.action__use')}
                          </MenuItem>
                        ) : null}
                        {phone.reservedForSecondFactor && !phone.defaultSecondFactor && methods > 1 ? (
                          <MenuItem elementId="makeDefault" onSelect={() => onPhone(phone, 'makeDefault')}>
                            {t('twoStepProfile.sms.action__makeDefault')}
                          </MenuItem>
                        ) : null}
                        {phone.reservedForSecondFactor ? (
                          <MenuItem elementId="stopUsing" onSelect={() => onPhone(phone, 'stop')}>
                            {t('twoStepProfile.sms.action__stop')}
                          </MenuItem>
                        ) : null}
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ) : null}

      {mfa.backupCode && user.twoFactorEnabled ? (
        <li {...el(['profileSectionItem', 'twoStepMethod'], { id: 'backupCodes' })}>
          <div {...el('twoStepMethodText', { id: 'backupCodes' })}>
            <span>{t('twoStepProfile.backupCodes.title')}</span>
            <span {...el('twoStepMethodDescription', { id: 'backupCodes' })}>{user.backupCodeEnabled ? t('twoStepProfile.backupCodes.description') : t('twoStepProfile.backupCodes.noneLeft')}</span>
          </div>
          <Button variant="ghost" element="profileSectionPrimaryButton" elementId="backupCodes" onClick={onRegenerate}>
            {t('twoStepProfile.backupCodes.regenerate')}
          </Button>
        </li>
      ) : null}
    </ul>
  );
}
