import type { BackendInstanceSettingsBody, BackendInstanceSettingsJSON } from '@usher/protocol';
import { INSTANCE_CONFIG_KEY, type InstanceConfig } from '../../config/instance.ts';
import { mergeInstanceConfig, type DeepPartial } from '../../config/load.ts';
import { UsherError } from '../../errors.ts';
import type { Runtime } from '../runtime.ts';
import { assertValidClaims } from '../tokens/jwt-templates.ts';

/** Session tokens travel in a cookie and a header on every request: their extra claims stay small. */
export const MAX_SESSION_CLAIMS_BYTES = 1024;

export function toInstanceSettingsJSON(config: InstanceConfig): BackendInstanceSettingsJSON {
  return {
    object: 'instance_settings',
    application_name: config.applicationName,
    sign_up_mode: config.signUp.mode,
    enumeration_protection: config.enumerationProtection,
    single_session_mode: config.sessions.singleSessionMode,
    session_inactivity_timeout: config.sessions.inactivityTimeoutSeconds,
    session_max_lifetime: config.sessions.maxLifetimeSeconds,
    lockout_max_attempts: config.lockout.maxAttempts,
    lockout_duration: config.lockout.lockSeconds,
    password_min_length: config.password.minLength,
    password_require_uppercase: config.password.requireUppercase,
    password_require_lowercase: config.password.requireLowercase,
    password_require_numbers: config.password.requireNumbers,
    password_require_special_char: config.password.requireSpecialChar,
    password_min_strength: config.password.minStrength,
    password_breach_check: config.password.breachCheck,
    session_token_claims: config.sessionToken.customClaims === null ? null : structuredClone(config.sessionToken.customClaims),
    delete_self_enabled: config.account.deleteSelfEnabled,
    phone_numbers_enabled: config.attributes.phoneNumber.enabled,
    email_first_factors: [...config.attributes.emailAddress.firstFactors],
    email_verifications: [...config.attributes.emailAddress.verifications],
    mfa_totp_enabled: config.mfa.totp,
    mfa_backup_codes_enabled: config.mfa.backupCodes,
    mfa_phone_code_enabled: config.mfa.phoneCode,
    mfa_required: config.mfa.required,
    email_delivery: config.delivery.email,
    sms_delivery: config.delivery.sms,
  };
}

/** The stored-document patch for a settings body (snake_case on the wire, the config's shape in the store). */
function documentPatch(body: BackendInstanceSettingsBody): DeepPartial<InstanceConfig> {
  const patch: DeepPartial<InstanceConfig> = {};
  if (body.application_name !== undefined) patch.applicationName = body.application_name;
  if (body.sign_up_mode !== undefined) patch.signUp = { mode: body.sign_up_mode };
  if (body.enumeration_protection !== undefined) patch.enumerationProtection = body.enumeration_protection;
  const sessions: DeepPartial<InstanceConfig['sessions']> = {};
  if (body.single_session_mode !== undefined) sessions.singleSessionMode = body.single_session_mode;
  if (body.session_inactivity_timeout !== undefined) sessions.inactivityTimeoutSeconds = body.session_inactivity_timeout;
  if (body.session_max_lifetime !== undefined) sessions.maxLifetimeSeconds = body.session_max_lifetime;
  if (Object.keys(sessions).length) patch.sessions = sessions;
  const lockout: DeepPartial<InstanceConfig['lockout']> = {};
  if (body.lockout_max_attempts !== undefined) lockout.maxAttempts = body.lockout_max_attempts;
  if (body.lockout_duration !== undefined) lockout.lockSeconds = body.lockout_duration;
  if (Object.keys(lockout).length) patch.lockout = lockout;
  const password: DeepPartial<InstanceConfig['password']> = {};
  if (body.password_min_length !== undefined) password.minLength = body.password_min_length;
  if (body.password_require_uppercase !== undefined) password.requireUppercase = body.password_require_uppercase;
  if (body.password_require_lowercase !== undefined) password.requireLowercase = body.password_require_lowercase;
  if (body.password_require_numbers !== undefined) password.requireNumbers = body.password_require_numbers;
  if (body.password_require_special_char !== undefined) password.requireSpecialChar = body.password_require_special_char;
  if (body.password_min_strength !== undefined) password.minStrength = body.password_min_strength;
  if (body.password_breach_check !== undefined) password.breachCheck = body.password_breach_check;
  if (Object.keys(password).length) patch.password = password;
  if (body.session_token_claims !== undefined) {
    if (body.session_token_claims !== null) assertValidClaims(body.session_token_claims, 'session_token_claims', MAX_SESSION_CLAIMS_BYTES);
    patch.sessionToken = { customClaims: body.session_token_claims };
  }
  if (body.delete_self_enabled !== undefined) patch.account = { deleteSelfEnabled: body.delete_self_enabled };
  const attributes: DeepPartial<InstanceConfig['attributes']> = {};
  if (body.phone_numbers_enabled !== undefined) attributes.phoneNumber = { enabled: body.phone_numbers_enabled };
  const emailAddress: DeepPartial<InstanceConfig['attributes']['emailAddress']> = {};
  if (body.email_first_factors !== undefined) emailAddress.firstFactors = [...new Set(body.email_first_factors)];
  if (body.email_verifications !== undefined) emailAddress.verifications = [...new Set(body.email_verifications)];
  if (Object.keys(emailAddress).length) attributes.emailAddress = emailAddress;
  if (Object.keys(attributes).length) patch.attributes = attributes;
  const mfa: DeepPartial<InstanceConfig['mfa']> = {};
  if (body.mfa_totp_enabled !== undefined) mfa.totp = body.mfa_totp_enabled;
  if (body.mfa_backup_codes_enabled !== undefined) mfa.backupCodes = body.mfa_backup_codes_enabled;
  if (body.mfa_phone_code_enabled !== undefined) mfa.phoneCode = body.mfa_phone_code_enabled;
  if (body.mfa_required !== undefined) mfa.required = body.mfa_required;
  if (Object.keys(mfa).length) patch.mfa = mfa;
  const delivery: DeepPartial<InstanceConfig['delivery']> = {};
  if (body.email_delivery !== undefined) delivery.email = body.email_delivery;
  if (body.sms_delivery !== undefined) delivery.sms = body.sms_delivery;
  if (Object.keys(delivery).length) patch.delivery = delivery;
  return patch;
}

/**
 * Applies a settings change atomically to the stored document (concurrent edits are not lost) and
 * answers the settings in effect. Refuses combinations that cannot work (a lifetime shorter than
 * the inactivity timeout) with 422, storing nothing.
 */
export async function updateInstanceSettings(rt: Runtime, body: BackendInstanceSettingsBody): Promise<InstanceConfig> {
  const patch = documentPatch(body);
  const current = await rt.instanceConfig();
  const next = mergeInstanceConfig(current, patch);
  if (next.sessions.maxLifetimeSeconds < next.sessions.inactivityTimeoutSeconds) {
    throw new UsherError('form_param_value_invalid', { paramName: 'session_max_lifetime', longMessage: 'The maximum session lifetime cannot be shorter than the inactivity timeout.' });
  }
  if (next.password.minLength > next.password.maxLength) {
    throw new UsherError('form_param_value_invalid', { paramName: 'password_min_length', longMessage: `The minimum password length cannot exceed ${next.password.maxLength}.` });
  }
  if (next.mfa.required && !next.mfa.totp && !(next.mfa.phoneCode && next.attributes.phoneNumber.enabled)) {
    throw new UsherError('form_param_value_invalid', { paramName: 'mfa_required', longMessage: 'Requiring 2-step verification needs a second factor users can set up: authenticator apps, or SMS codes with phone numbers on.' });
  }
  for (const [field, channel, event] of [['email_delivery', 'email', 'email.created'], ['sms_delivery', 'sms', 'sms.created']] as const) {
    if (body[field] === 'app' && current.delivery[channel] !== 'app' && !(await anEndpointReceives(rt, event))) {
      throw new UsherError('form_param_value_invalid', { paramName: field, longMessage: `Add an enabled webhook endpoint that receives ${event} first: your app delivers these messages from it.` });
    }
  }
  await rt.store.updateSetting<DeepPartial<InstanceConfig>>(INSTANCE_CONFIG_KEY, (stored) => mergeStored(stored ?? {}, patch));
  return rt.instanceConfig();
}

const isSection = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges a patch into the stored partial document (sections merge at every depth; values, arrays and free-form claims replace). */
function mergeStored(stored: DeepPartial<InstanceConfig>, patch: DeepPartial<InstanceConfig>): DeepPartial<InstanceConfig> {
  const merge = (before: Record<string, unknown>, changes: Record<string, unknown>, top: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...before };
    for (const [key, value] of Object.entries(changes)) {
      const current = out[key];
      out[key] = !(top && key === 'sessionToken') && isSection(value) && isSection(current) ? merge(current, value, false) : value;
    }
    return out;
  };
  return merge(stored as Record<string, unknown>, patch as Record<string, unknown>, true) as DeepPartial<InstanceConfig>;
}

async function anEndpointReceives(rt: Runtime, event: 'email.created' | 'sms.created'): Promise<boolean> {
  return (await rt.store.listWebhookEndpoints()).some((e) => e.disabledAt === null && (e.events === null || e.events.includes(event)));
}
