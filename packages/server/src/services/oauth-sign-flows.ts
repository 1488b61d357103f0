import type { OAuthStartBody, VerificationJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import { strategyOf } from '../oauth/providers.ts';
import type { SignInRecord, SignUpRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { providerForStrategy, startOAuth } from './oauth-start.ts';
import type { Runtime } from './runtime.ts';
import { assertMaySignIn } from './sessions.ts';
import { newSignInRecord } from './sign-ins.ts';
import { newSignUpRecord } from './sign-ups.ts';

/** Whether a create body asks for a provider (`oauth_<id>`) rather than an identifier. */
export const isOAuthStrategy = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && typeof (body as { strategy?: unknown }).strategy === 'string' && (body as { strategy: string }).strategy.startsWith('oauth_');

export interface StartedFlow<T> {
  record: T;
  /** The verification to show in the answer: unverified, with the provider page the browser must open. */
  verification: VerificationJSON;
}

function startedVerification(strategy: `oauth_${string}`, expireAt: number, url: string): VerificationJSON {
  return { object: 'verification', status: 'unverified', strategy, attempts: 0, expire_at: expireAt, external_verification_redirect_url: url };
}

/** POST /v1/client/sign_ins with `strategy: 'oauth_<id>'`: a sign-in waiting for the provider. */
export async function startOAuthSignIn(rt: Runtime, config: InstanceConfig, ctx: ClientContext, body: OAuthStartBody, origin: string | null): Promise<StartedFlow<SignInRecord>> {
  if (body.legal_accepted !== undefined) throw new UsherError('form_param_unknown', { paramName: 'legal_accepted' });
  const provider = await providerForStrategy(rt, body.strategy);
  await assertMaySignIn(rt, config, ctx.client);
  const client = await ctx.ensure();
  const signIn = newSignInRecord(rt, client.id, null, null, null);
  await rt.store.createSignIn(signIn);
  const { attempt, authorizationUrl } = await startOAuth(rt, config, { purpose: 'sign_in', ownerId: signIn.id, clientId: client.id, provider, redirectUrl: body.redirect_url, actionCompleteRedirectUrl: body.action_complete_redirect_url, origin });
  const strategy = strategyOf(provider.id);
  const record = (await rt.store.updateSignIn(signIn.id, { firstFactorStrategy: strategy, firstFactorStatus: 'unverified', updatedAt: rt.now() })) ?? signIn;
  return { record, verification: startedVerification(strategy, attempt.expireAt, authorizationUrl) };
}

/** POST /v1/client/sign_ups with `strategy: 'oauth_<id>'` (and `legal_accepted` when the instance asks for consent). */
export async function startOAuthSignUp(rt: Runtime, config: InstanceConfig, ctx: ClientContext, body: OAuthStartBody, origin: string | null): Promise<StartedFlow<SignUpRecord>> {
  if (config.signUp.mode !== 'public') throw new UsherError('sign_up_not_allowed');
  if (body.legal_accepted !== undefined && !config.signUp.legalConsentEnabled) throw new UsherError('form_param_unknown', { paramName: 'legal_accepted' });
  const provider = await providerForStrategy(rt, body.strategy);
  await assertMaySignIn(rt, config, ctx.client);
  const client = await ctx.ensure();
  const signUp: SignUpRecord = { ...newSignUpRecord(rt, client.id), legalAcceptedAt: body.legal_accepted ? rt.now() : null };
  await rt.store.createSignUp(signUp);
  const { attempt, authorizationUrl } = await startOAuth(rt, config, { purpose: 'sign_up', ownerId: signUp.id, clientId: client.id, provider, redirectUrl: body.redirect_url, actionCompleteRedirectUrl: body.action_complete_redirect_url, origin });
  return { record: signUp, verification: startedVerification(strategyOf(provider.id), attempt.expireAt, authorizationUrl) };
}
