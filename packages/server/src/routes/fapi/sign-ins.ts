import { emailLinkConfirmBody, signInAttemptFirstFactorBody, signInAttemptSecondFactorBody, signInCreateBody, signInPrepareFirstFactorBody, signInPrepareSecondFactorBody, signInResetPasswordBody } from '@usher/protocol';
import { startResendCooldown } from '../../http/rate-limit.ts';
import { parseBody } from '../../http/validate.ts';
import { loadSignInJSON } from '../../services/serializers/load.ts';
import { attemptFirstFactor } from '../../services/sign-in-attempts.ts';
import { resetPassword } from '../../services/sign-in-reset.ts';
import { completeConfirmedLink } from '../../services/sign-in-email-link.ts';
import { confirmLink, linkConfirmationJSON } from '../../services/email-link-confirm.ts';
import { attemptSecondFactor, prepareSecondFactor } from '../../services/sign-in-second-factor.ts';
import { getOwnSignIn } from '../../services/sign-in-steps.ts';
import { createSignIn, prepareFirstFactor } from '../../services/sign-ins.ts';
import type { Runtime } from '../../services/runtime.ts';
import { isOAuthStrategy, startOAuthSignIn } from '../../services/oauth-sign-flows.ts';
import { oauthStartBody } from '@usher/protocol';
import { pathId, withClient, type App } from '../types.ts';

export function registerSignInRoutes(app: App, rt: Runtime): void {
  app.post('/v1/client/sign_ins', async (c) => {
    if (isOAuthStrategy(c.get('body'))) {
      const started = await startOAuthSignIn(rt, c.get('instance'), c.get('clientContext'), parseBody(oauthStartBody, c.get('body')), c.req.header('origin') ?? null);
      const json = await loadSignInJSON(rt, started.record, c.get('instance'));
      return c.json(await withClient(rt, c, { ...json, first_factor_verification: started.verification }));
    }
    const body = parseBody(signInCreateBody, c.get('body'));
    const signIn = await createSignIn(rt, c.get('instance'), c.get('clientContext'), body);
    if (body.strategy === 'email_code') await startResendCooldown(rt, c.get('instance').rateLimits, signIn.id);
    return c.json(await withClient(rt, c, await loadSignInJSON(rt, signIn, c.get('instance'))));
  });

  app.get('/v1/client/sign_ins/:id', async (c) => {
    const signIn = await getOwnSignIn(rt, c.get('clientContext'), pathId(c, 'sia', 'sign_in_not_found'));
    return c.json(await withClient(rt, c, await loadSignInJSON(rt, signIn, c.get('instance'))));
  });

  app.post('/v1/client/sign_ins/:id/prepare_first_factor', async (c) => {
    const id = pathId(c, 'sia', 'sign_in_not_found');
    // email_address_id is accepted for compatibility; the code goes to the address the sign-in identified.
    const body = parseBody(signInPrepareFirstFactorBody, c.get('body'));
    const signIn = await prepareFirstFactor(rt, c.get('instance'), c.get('clientContext'), id, body.strategy, { redirectUrl: body.redirect_url, origin: c.req.header('origin') ?? null });
    return c.json(await withClient(rt, c, await loadSignInJSON(rt, signIn, c.get('instance'))));
  });

  app.post('/v1/client/sign_ins/:id/attempt_first_factor', async (c) => {
    const id = pathId(c, 'sia', 'sign_in_not_found');
    const body = parseBody(signInAttemptFirstFactorBody, c.get('body'));
    const signIn = body.strategy === 'email_link' ? await completeConfirmedLink(rt, c.get('instance'), c.get('clientContext'), id) : await attemptFirstFactor(rt, c.get('instance'), c.get('clientContext'), id, body);
    return c.json(await withClient(rt, c, await loadSignInJSON(rt, signIn, c.get('instance'))));
  });

  app.post('/v1/client/sign_ins/:id/reset_password', async (c) => {
    const id = pathId(c, 'sia', 'sign_in_not_found');
    const body = parseBody(signInResetPasswordBody, c.get('body'));
    const signIn = await resetPassword(rt, c.get('instance'), c.get('clientContext'), id, body);
    return c.json(await withClient(rt, c, await loadSignInJSON(rt, signIn, c.get('instance'))));
  });

  /** Texts a code to a number reserved for 2-step verification (`phone_number_id`, else the default one). */
  app.post('/v1/client/sign_ins/:id/prepare_second_factor', async (c) => {
    const id = pathId(c, 'sia', 'sign_in_not_found');
    const body = parseBody(signInPrepareSecondFactorBody, c.get('body'));
    const signIn = await prepareSecondFactor(rt, c.get('instance'), c.get('clientContext'), id, body);
    return c.json(await withClient(rt, c, await loadSignInJSON(rt, signIn, c.get('instance'))));
  });

  /** `{ strategy: 'totp' | 'phone_code' | 'backup_code', code }`: completes a sign-in at needs_second_factor. */
  app.post('/v1/client/sign_ins/:id/attempt_second_factor', async (c) => {
    const id = pathId(c, 'sia', 'sign_in_not_found');
    const body = parseBody(signInAttemptSecondFactorBody, c.get('body'));
    const signIn = await attemptSecondFactor(rt, c.get('instance'), c.get('clientContext'), id, body);
    return c.json(await withClient(rt, c, await loadSignInJSON(rt, signIn, c.get('instance'))));
  });

  /**
   * `{ token }`: the click on the page an emailed link opened — a sign-in link, a sign-up's or an
   * added address's verification link (the page itself, and a scanner's GET or HEAD of it, consume
   * nothing). Completes the sign-in or sign-up when this is the device that started it.
   */
  app.post('/v1/client/email_links/confirm', async (c) => {
    const body = parseBody(emailLinkConfirmBody, c.get('body'));
    const confirmed = await confirmLink(rt, c.get('instance'), c.get('clientContext'), body.token);
    return c.json(await withClient(rt, c, await linkConfirmationJSON(rt, c.get('instance'), confirmed)));
  });
}
