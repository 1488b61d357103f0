import type { SignUpCreateBody, SignUpUpdateBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import type { CodeBinding } from '../crypto/codes.ts';
import { UsherError } from '../errors.ts';
import { publicLink } from '../mail/links.ts';
import { emailOutboxRecord } from '../mail/outbox-message.ts';
import { signUpAttemptedEmail } from '../mail/templates.ts';
import { StoreConflictError, type EmailAddressRecord, type SignUpRecord, type UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { normalizeName, parseEmailAddress, parseUsername } from './identifiers.ts';
import { isFieldEnabled, isReadyToComplete, canUpdate } from './machines/sign-up.ts';
import { redemptionError } from './machines/verification.ts';
import { checkNewPassword } from './new-password.ts';
import { assertRedirectUrl } from './redirect-policy.ts';
import type { Runtime } from './runtime.ts';
import { assertMaySignIn, newSessionRecord } from './sessions.ts';
import { redeemVerificationCode, sendDecoyVerification, sendVerificationCode } from './verifications.ts';
import { changeEvents } from './events.ts';
import { assertEmailVerificationStrategy } from './email-links.ts';
import { externalAccountRecord } from './external-accounts.ts';

/** How long an unfinished sign-up is kept. */
const SIGN_UP_LIFETIME_MS = 24 * 3600_000;

type SignUpPatch = Partial<Pick<SignUpRecord, 'emailAddress' | 'emailVerifiedAt' | 'username' | 'firstName' | 'lastName' | 'passwordHash' | 'legalAcceptedAt' | 'redirectUrl'>>;

function assertEnabled(config: InstanceConfig, field: Parameters<typeof isFieldEnabled>[1]): void {
  if (!isFieldEnabled(config, field)) {
    throw new UsherError('form_param_unknown', { paramName: field, longMessage: `This application does not collect \`${field}\` at sign-up.` });
  }
}

/**
 * Validates and normalizes the given fields into a patch. All checks run before the password is
 * hashed, and hashing happens here, outside any store transaction. Whether the email address
 * already has an account is deliberately not checked (enumeration protection).
 */
async function toPatch(rt: Runtime, config: InstanceConfig, body: SignUpUpdateBody, current: SignUpRecord | null): Promise<SignUpPatch> {
  const patch: SignUpPatch = {};
  if (body.email_address !== undefined) {
    assertEnabled(config, 'email_address');
    const email = parseEmailAddress(body.email_address, 'email_address');
    if (current && current.emailAddress !== email) {
      if (current.emailVerifiedAt !== null) {
        throw new UsherError('form_param_value_invalid', { paramName: 'email_address', longMessage: 'This email address is already verified. Start a new sign-up to use another one.' });
      }
      patch.emailVerifiedAt = null;
    }
    patch.emailAddress = email;
  }
  if (body.username !== undefined) {
    assertEnabled(config, 'username');
    const username = parseUsername(body.username, 'username');
    // Usernames are public handles: saying one is taken is expected, unlike for email addresses.
    if (await rt.store.findUserByUsername(username)) throw new UsherError('form_identifier_exists', { paramName: 'username', longMessage: 'This username is taken. Try another one.' });
    patch.username = username;
  }
  if (body.first_name !== undefined) {
    assertEnabled(config, 'first_name');
    patch.firstName = normalizeName(body.first_name);
  }
  if (body.last_name !== undefined) {
    assertEnabled(config, 'last_name');
    patch.lastName = normalizeName(body.last_name);
  }
  if (body.legal_accepted !== undefined) {
    assertEnabled(config, 'legal_accepted');
    patch.legalAcceptedAt = body.legal_accepted ? rt.now() : null;
  }
  if (body.redirect_url !== undefined) patch.redirectUrl = assertRedirectUrl(rt, body.redirect_url);
  if (body.password !== undefined) {
    assertEnabled(config, 'password');
    const userInputs = [body.email_address, body.username, body.first_name, body.last_name].filter((v): v is string => typeof v === 'string');
    patch.passwordHash = await rt.hasher.hash(await checkNewPassword(rt, body.password, config, { userInputs }));
  }
  return patch;
}

/** A sign-up of this device, or 404 (another device's sign-up is as absent as a missing one). */
export async function getOwnSignUp(rt: Runtime, ctx: ClientContext, id: string): Promise<SignUpRecord> {
  const signUp = await rt.store.getSignUp(id);
  if (!signUp || !ctx.client || signUp.clientId !== ctx.client.id || signUp.abandonAt <= rt.now()) throw new UsherError('sign_up_not_found');
  return signUp;
}

function assertUpdatable(signUp: SignUpRecord): void {
  if (!canUpdate(signUp.status)) throw new UsherError('sign_up_status_invalid', { longMessage: 'This sign-up is already complete.' });
}

/** A new, empty sign-up of the client. */
export function newSignUpRecord(rt: Runtime, clientId: string): SignUpRecord {
  const now = rt.now();
  return {
    id: rt.newId('sua'),
    clientId,
    status: 'missing_requirements',
    emailAddress: null,
    emailVerifiedAt: null,
    username: null,
    firstName: null,
    lastName: null,
    passwordHash: null,
    legalAcceptedAt: null,
    redirectUrl: null,
    createdUserId: null,
    createdSessionId: null,
    abandonAt: now + SIGN_UP_LIFETIME_MS,
    createdAt: now,
    updatedAt: now,
  };
}

export async function createSignUp(rt: Runtime, config: InstanceConfig, ctx: ClientContext, body: SignUpCreateBody): Promise<SignUpRecord> {
  if (config.signUp.mode !== 'public') throw new UsherError('sign_up_not_allowed');
  await assertMaySignIn(rt, config, ctx.client);
  const patch = await toPatch(rt, config, body, null);
  const client = await ctx.ensure();
  const signUp: SignUpRecord = { ...newSignUpRecord(rt, client.id), ...patch };
  await rt.store.createSignUp(signUp);
  return completeIfReady(rt, config, ctx, signUp);
}

export async function updateSignUp(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, body: SignUpUpdateBody): Promise<SignUpRecord> {
  const current = await getOwnSignUp(rt, ctx, id);
  assertUpdatable(current);
  const patch = await toPatch(rt, config, body, current);
  const updated = await rt.store.updateSignUp(id, { ...patch, updatedAt: rt.now() });
  if (!updated) throw new UsherError('sign_up_not_found');
  return completeIfReady(rt, config, ctx, updated);
}

function codeBinding(signUp: SignUpRecord): CodeBinding {
  if (signUp.emailAddress === null) {
    throw new UsherError('form_param_missing', { paramName: 'email_address', longMessage: 'Add an email address to the sign-up before asking for a code.' });
  }
  return { purpose: 'sign_up', ownerId: signUp.id, target: signUp.emailAddress };
}

/**
 * Sends the email code. When the address already belongs to an account, the answer is the same
 * but no code is sent: the owner gets a "someone tried to sign up with your address" notice and
 * the sign-up can never be verified.
 */
export async function prepareSignUpVerification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string): Promise<SignUpRecord> {
  const signUp = await getOwnSignUp(rt, ctx, id);
  assertUpdatable(signUp);
  assertEmailVerificationStrategy(config, 'email_code');
  const binding = codeBinding(signUp);
  if (signUp.emailVerifiedAt !== null) throw new UsherError('verification_already_verified');
  const owner = await rt.store.findUserByEmailAddress(binding.target);
  if (owner) {
    const notice = signUpAttemptedEmail({ applicationName: config.applicationName, signInUrl: publicLink(rt.config.publicUrl, config.urls.signIn) });
    await sendDecoyVerification(rt, config, binding, emailOutboxRecord(rt, { to: binding.target, ...notice }));
  } else {
    await sendVerificationCode(rt, config, binding);
  }
  return signUp;
}

export async function attemptSignUpVerification(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, code: string): Promise<SignUpRecord> {
  const signUp = await getOwnSignUp(rt, ctx, id);
  assertUpdatable(signUp);
  assertEmailVerificationStrategy(config, 'email_code');
  const binding = codeBinding(signUp);
  if (signUp.emailVerifiedAt !== null) throw new UsherError('verification_already_verified');
  const result = await redeemVerificationCode(rt, binding, code);
  const error = redemptionError(result.outcome);
  if (error !== null) {
    const remaining = result.outcome === 'incorrect' ? Math.max(0, result.verification.maxAttempts - result.verification.attempts) : undefined;
    throw new UsherError(error, { paramName: 'code', meta: remaining === undefined ? undefined : { remaining_attempts: remaining } });
  }
  const now = rt.now();
  const verified = await rt.store.updateSignUp(id, { emailVerifiedAt: now, updatedAt: now });
  if (!verified) throw new UsherError('sign_up_not_found');
  return completeIfReady(rt, config, ctx, verified);
}

/**
 * Creates the user, its verified address and a session in one store call once nothing is missing,
 * and rotates the client token (no fixation). A sign-up that is not ready is answered as it is.
 */
export async function completeIfReady(rt: Runtime, config: InstanceConfig, ctx: ClientContext, signUp: SignUpRecord): Promise<SignUpRecord> {
  // A sign-up that came with a provider account needs no password: the provider is the way in.
  const held = await rt.store.findHeldOAuthIdentity(signUp.id, rt.now());
  if (!isReadyToComplete({ ...signUp, externalAccount: held !== null }, config)) return signUp;
  const now = rt.now();
  const userId = rt.newId('user');
  const identity = held?.identity ?? null;
  const emailAddress: EmailAddressRecord | null =
    signUp.emailAddress === null ? null : { id: rt.newId('idn'), userId, emailAddress: signUp.emailAddress, verifiedAt: signUp.emailVerifiedAt ?? now, createdAt: now };
  const user: UserRecord = {
    id: userId,
    username: signUp.username,
    firstName: signUp.firstName,
    lastName: signUp.lastName,
    passwordHash: signUp.passwordHash,
    imageUrl: identity?.imageUrl ?? null,
    primaryEmailAddressId: emailAddress?.id ?? null,
    primaryPhoneNumberId: null,
    publicMetadata: {},
    privateMetadata: {},
    unsafeMetadata: {},
    failedAttempts: 0,
    defaultSecondFactor: null,
    lockedUntil: null,
    bannedAt: null,
    lastSignInAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const session = newSessionRecord(rt, config, signUp.clientId, userId, ctx.device);
  const rotation = await ctx.prepareRotation();
  let completed: boolean;
  try {
    const externalAccount = identity === null ? null : externalAccountRecord(rt, userId, identity);
    completed = await rt.store.completeSignUp({ signUpId: signUp.id, user, emailAddress, externalAccount, session, clientTokenHash: rotation.tokenHash, now, emit: changeEvents(rt) });
  } catch (error) {
    if (error instanceof StoreConflictError) {
      if (error.field === 'external_account') throw new UsherError('external_account_exists', { longMessage: 'This provider account was linked to another user meanwhile. Sign in with it instead.' });
      throw new UsherError('form_identifier_exists', { paramName: error.field, longMessage: 'This identifier was taken by another account meanwhile.' });
    }
    throw error;
  }
  if (!completed) throw new UsherError('sign_up_status_invalid', { longMessage: 'This sign-up was completed by another request.' });
  ctx.rotated(rotation.token, now);
  return (await rt.store.getSignUp(signUp.id)) ?? { ...signUp, status: 'complete', createdUserId: userId, createdSessionId: session.id };
}
