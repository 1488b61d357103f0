import { phoneCodeAllowed } from '../second-factors.ts';
import { passwordComplexity } from '../new-password.ts';
import type { AttributeSettingJSON, EnvironmentJSON, SocialProviderJSON } from '@usher/protocol';
import { SESSION_TOKEN_LIFETIME_SECONDS } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { ServerConfig } from '../../deps.ts';

/** What the UI needs to render sign-in and sign-up for this instance. Contains no secrets. */
export function toEnvironmentJSON(config: InstanceConfig, server: ServerConfig, social: SocialProviderJSON[] = []): EnvironmentJSON {
  const a = config.attributes;
  const attribute = (setting: AttributeSettingJSON): AttributeSettingJSON => setting;
  return {
    object: 'environment',
    id: 'env_default',
    instance_environment_type: server.environment,
    display_config: {
      application_name: config.applicationName,
      logo_image_url: config.branding.logoImageUrl,
      home_url: config.urls.home,
      sign_in_url: config.urls.signIn,
      sign_up_url: config.urls.signUp,
      after_sign_in_url: config.urls.afterSignIn,
      after_sign_up_url: config.urls.afterSignUp,
      after_sign_out_url: config.urls.afterSignOut,
      default_avatar: config.branding.defaultAvatar,
      privacy_policy_url: config.branding.privacyPolicyUrl,
      terms_url: config.branding.termsUrl,
    },
    user_settings: {
      attributes: {
        email_address: attribute({
          enabled: a.emailAddress.enabled,
          required: a.emailAddress.required,
          used_for_first_factor: a.emailAddress.usedForFirstFactor,
          first_factors: a.emailAddress.firstFactors,
          verifications: a.emailAddress.enabled ? [...a.emailAddress.verifications] : [],
        }),
        phone_number: attribute({ enabled: a.phoneNumber.enabled, required: false, used_for_first_factor: false, first_factors: [], verifications: a.phoneNumber.enabled ? ['phone_code'] : [] }),
        username: attribute({ enabled: a.username.enabled, required: a.username.required, used_for_first_factor: a.username.usedForFirstFactor, first_factors: [], verifications: [] }),
        first_name: attribute({ enabled: a.firstName.enabled, required: a.firstName.required, used_for_first_factor: false, first_factors: [], verifications: [] }),
        last_name: attribute({ enabled: a.lastName.enabled, required: a.lastName.required, used_for_first_factor: false, first_factors: [], verifications: [] }),
        password: attribute({
          enabled: a.password.enabled,
          required: a.password.required,
          used_for_first_factor: false,
          first_factors: a.password.enabled ? ['password'] : [],
          verifications: [],
        }),
      },
      password_settings: { ...passwordComplexity(config), min_zxcvbn_strength: config.password.minStrength, breach_check: config.password.breachCheck },
      sign_up: { mode: config.signUp.mode, legal_consent_enabled: config.signUp.legalConsentEnabled },
      mfa: { totp: config.mfa.totp, phone_code: phoneCodeAllowed(config), backup_code: config.mfa.backupCodes, required: config.mfa.required },
      sign_in: { enumeration_protection: config.enumerationProtection },
      actions: { delete_self: config.account.deleteSelfEnabled },
      social: social.map((p) => ({ ...p })),
    },
    auth_config: { single_session_mode: config.sessions.singleSessionMode, session_token_lifetime_seconds: SESSION_TOKEN_LIFETIME_SECONDS },
  };
}
