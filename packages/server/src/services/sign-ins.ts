import type { SignInCreateBody } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import { suppressedOutboxRecord } from '../mail/outbox-message.ts';
import type { SignInRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { normalizeUsername, parseEmailAddress } from './identifiers.ts';
import { identifierKindOf, initialSignInStatus, supportedIdentifiers } from './machines/sign-in.ts';
import { acceptTypedPassword } from './passwords.ts';
import { assertRedirectUrl } from './redirect-policy.ts';
import type { Runtime } from './runtime.ts';
import { assertMaySignIn, isUserSignedInOnClient } from './sessions.ts';
import { attemptPassword } from './sign-in-attempts.ts';
import { assertFirstFactorStep, assertStrategy, codeBinding, getOwnSignIn, type CodeStrategy } from './sign-in-steps.ts';
import { sendDecoyVerification, sendSmsVerificationCode, sendVerificationCode } from './verifications.ts';
import { prepareEmailLink } from './sign-in-email-link.ts';

/** How long an unfinished sign-in is kept. */
const SIGN_IN_LIFETIME_MS = 24 * 3600_000;

/** Normalizes a typed identifier the same way whether or not an account has it. */
function parseIdentifier(config: InstanceConfig, raw: string): string {
  const trimmed = raw.trim();
  const kind = identifierKindOf(trimmed);
  if (!supportedIdentifiers(config).includes(kind)) {
    const expected = supportedIdentifiers(config).includes('email_address') ? 'an email address' : 'a username';
    throw new UsherError('form_param_format_invalid', { paramName: 'identifier', longMessage: `Sign in with ${expected}.` });
  }
  return kind === 'email_address' ? parseEmailAddress(trimmed, 'identifier') : normalizeUsername(trimmed);
}

async function findUser(rt: Runtime, identifier: string): Promise<UserRecord | null> {
  return identifierKindOf(identifier) === 'email_address' ? rt.store.findUserByEmailAddress(identifier) : rt.store.findUserByUsername(identifier);
}

/** A new sign-in of the client: needs_identifier, or needs_first_factor once it names an identifier. */
export function newSignInRecord(rt: Runtime, clientId: string, identifier: string | null, userId: string | null, redirectUrl: string | null): SignInRecord {
  const now = rt.now();
  return {
    id: rt.newId('sia'),
    clientId,
    status: initialSignInStatus(identifier !== null),
    identifier,
    userId,
    firstFactorStrategy: null,
    firstFactorStatus: null,
    secondFactorStrategy: null,
    secondFactorStatus: null,
    secondFactorPhoneNumberId: null,
    pendingPasswordHash: null,
    pendingSignOutOthers: false,
    redirectUrl,
    createdSessionId: null,
    abandonAt: now + SIGN_IN_LIFETIME_MS,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Starts a sign-in. With an identifier it moves to needs_first_factor whether or not an account
 * has that identifier (when enumeration protection is on); with `strategy: 'password'` and the
 * password it also attempts the first factor in the same call.
 */
export async function createSignIn(rt: Runtime, config: InstanceConfig, ctx: ClientContext, body: SignInCreateBody): Promise<SignInRecord> {
  const redirectUrl = body.redirect_url === undefined ? null : assertRedirectUrl(rt, body.redirect_url);
  const strategy = body.strategy ?? (body.password !== undefined ? 'password' : undefined);
  if (strategy !== undefined && body.identifier === undefined) throw new UsherError('form_param_missing', { paramName: 'identifier' });
  if (strategy === 'email_code' && body.password !== undefined) {
    throw new UsherError('form_param_unknown', { paramName: 'password', longMessage: 'A password is only accepted with `strategy: "password"`.' });
  }
  if (strategy === 'password' && body.password === undefined) throw new UsherError('form_param_missing', { paramName: 'password' });
  if (strategy !== undefined) assertStrategy(config, strategy);
  const password = body.password === undefined ? undefined : acceptTypedPassword(body.password, config);
  const identifier = body.identifier === undefined ? null : parseIdentifier(config, body.identifier);

  await assertMaySignIn(rt, config, ctx.client);
  const user = identifier === null ? null : await findUser(rt, identifier);
  if (identifier !== null && !user && !config.enumerationProtection) throw new UsherError('form_identifier_not_found', { paramName: 'identifier' });
  if (user && (await isUserSignedInOnClient(rt, ctx.client, user.id))) throw new UsherError('identifier_already_signed_in', { paramName: 'identifier' });

  const client = await ctx.ensure();
  const signIn = newSignInRecord(rt, client.id, identifier, user?.id ?? null, redirectUrl);
  await rt.store.createSignIn(signIn);
  if (strategy === 'password' && password !== undefined) return attemptPassword(rt, config, ctx, signIn, password);
  if (strategy === 'email_code') return prepareEmailCode(rt, config, signIn);
  return signIn;
}

/**
 * Sends a sign-in code or a password reset code (by email, or texted to the account's number). For
 * an unknown identifier (or an account without a deliverable address or number) it does the same
 * work and answers the same, but stores a code no one can type and sends nothing: "forgot
 * password" tells nobody whether an account exists, or whether it has a phone number.
 */
async function prepareEmailCode(rt: Runtime, config: InstanceConfig, signIn: SignInRecord, strategy: CodeStrategy = 'email_code'): Promise<SignInRecord> {
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  const { binding, deliverable } = await codeBinding(rt, signIn, user, strategy);
  if (deliverable && strategy === 'reset_password_phone_code') await sendSmsVerificationCode(rt, config, binding);
  else if (deliverable) await sendVerificationCode(rt, config, binding);
  else await sendDecoyVerification(rt, config, binding, suppressedOutboxRecord(rt));
  const updated = await rt.store.updateSignIn(signIn.id, { firstFactorStrategy: strategy, firstFactorStatus: 'unverified', updatedAt: rt.now() });
  return updated ?? signIn;
}

export async function prepareFirstFactor(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string, strategy: CodeStrategy, link: { redirectUrl?: string | undefined; origin: string | null } = { origin: null }): Promise<SignInRecord> {
  const signIn = await getOwnSignIn(rt, ctx, id);
  assertFirstFactorStep(signIn);
  assertStrategy(config, strategy);
  if (strategy === 'email_link') return prepareEmailLink(rt, config, signIn, link.redirectUrl, link.origin);
  return prepareEmailCode(rt, config, signIn, strategy);
}
