import type { InstanceConfig } from '../config/instance.ts';
import { hashVerificationCode, unmatchableCodeHash } from '../crypto/codes.ts';
import { isWellFormedId } from '../crypto/ids.ts';
import { UsherError } from '../errors.ts';
import { emailOutboxRecord, suppressedOutboxRecord } from '../mail/outbox-message.ts';
import { signInLinkEmail } from '../mail/templates.ts';
import type { SignInRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { linkLandingUrl, newLinkSecret, splitLinkToken, withLinkToken } from './email-links.ts';
import type { Runtime } from './runtime.ts';
import { assertNotLocked, complete } from './sign-in-attempts.ts';
import { assertFirstFactorStep, assertStrategy, codeBinding, getOwnSignIn } from './sign-in-steps.ts';
import { verificationRecord } from './verifications.ts';

/**
 * Emails a sign-in link (prepare_first_factor with `email_link`): a token of the sign-in id and 256
 * random bits, of which only an HMAC bound to the sign-in and the address is stored, valid for the
 * code lifetime, single use. An unknown identifier gets the same answer and no email.
 */
export async function prepareEmailLink(rt: Runtime, config: InstanceConfig, signIn: SignInRecord, redirectUrl: string | undefined, origin: string | null): Promise<SignInRecord> {
  const url = linkLandingUrl(rt, redirectUrl, origin);
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  const { binding, deliverable } = await codeBinding(rt, signIn, user, 'email_link');
  const secret = newLinkSecret(rt);
  const href = withLinkToken(url, signIn.id, secret);
  const ttlMinutes = Math.round(config.verification.codeTtlSeconds / 60);
  const message = deliverable ? emailOutboxRecord(rt, { to: binding.target, ...signInLinkEmail({ applicationName: config.applicationName, url: href, ttlMinutes }) }) : suppressedOutboxRecord(rt);
  const codeHash = deliverable ? await hashVerificationCode(rt.secret, binding, secret) : await unmatchableCodeHash(rt.secret, rt.random);
  await rt.store.prepareVerification(verificationRecord(rt, config, binding, codeHash, 'email_link'), message);
  return (await rt.store.updateSignIn(signIn.id, { firstFactorStrategy: 'email_link', firstFactorStatus: 'unverified', updatedAt: rt.now() })) ?? signIn;
}

export interface LinkConfirmation {
  /** The link was confirmed from the device that started the sign-in, which it completed (or moved to the second step). */
  sameClient: boolean;
  signIn: SignInRecord;
}

/**
 * POST /v1/client/email_links/confirm: the click on the page a link opened. The token is spent once
 * (of concurrent confirmations exactly one wins; later ones: verification_already_verified). On the
 * device that started the sign-in it completes at once; elsewhere it only marks the link
 * verified, and the starting tab completes by itself (attempt_first_factor with email_link).
 */
export async function confirmEmailLink(rt: Runtime, config: InstanceConfig, ctx: ClientContext, token: string): Promise<LinkConfirmation> {
  const { ownerId: signInId, secret } = splitLinkToken(token);
  const invalid = () => new UsherError('verification_failed', { paramName: 'token', longMessage: 'This sign-in link is not valid. Ask for a new one.' });
  if (!isWellFormedId('sia', signInId) || secret.length === 0) throw invalid();
  const signIn = await rt.store.getSignIn(signInId);
  if (!signIn || signIn.abandonAt <= rt.now()) throw new UsherError('verification_expired', { paramName: 'token', longMessage: 'This sign-in link has expired. Ask for a new one.' });
  const user: UserRecord | null = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  assertNotLocked(user, rt.now());
  const { binding } = await codeBinding(rt, signIn, user, 'email_link');
  const result = await rt.store.consumeVerification({ ownerId: signIn.id, purpose: binding.purpose, codeHash: await hashVerificationCode(rt.secret, binding, secret), now: rt.now() });
  if (result.outcome === 'already_verified') throw new UsherError('verification_already_verified', { paramName: 'token', longMessage: 'This sign-in link was already used.' });
  if (result.outcome === 'expired') throw new UsherError('verification_expired', { paramName: 'token', longMessage: 'This sign-in link has expired. Ask for a new one.' });
  if (result.outcome !== 'verified' || !user) throw invalid();
  const here = ctx.client !== null && ctx.client.id === signIn.clientId;
  if (!here || signIn.status !== 'needs_first_factor' || signIn.firstFactorStrategy !== 'email_link') return { sameClient: false, signIn };
  return { sameClient: true, signIn: await complete(rt, config, ctx, signIn, user, { strategy: 'email_link' }) };
}

/** attempt_first_factor with email_link, from the device that started the sign-in, once its link was confirmed anywhere. */
export async function completeConfirmedLink(rt: Runtime, config: InstanceConfig, ctx: ClientContext, id: string): Promise<SignInRecord> {
  const signIn = await getOwnSignIn(rt, ctx, id);
  assertFirstFactorStep(signIn);
  assertStrategy(config, 'email_link');
  const verification = signIn.firstFactorStrategy === 'email_link' ? await rt.store.getVerification(signIn.id, 'sign_in_link') : null;
  if (verification?.status !== 'verified') throw new UsherError('verification_not_prepared', { longMessage: 'The sign-in link has not been opened and confirmed yet.' });
  const user = signIn.userId ? await rt.store.getUser(signIn.userId) : null;
  if (!user) throw new UsherError('sign_in_not_found');
  assertNotLocked(user, rt.now());
  return complete(rt, config, ctx, signIn, user, { strategy: 'email_link' });
}

