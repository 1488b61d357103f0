import { signUpAttemptVerificationBody, signUpCreateBody, signUpPrepareVerificationBody, signUpUpdateBody } from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import { loadSignUpJSON } from '../../services/serializers/load.ts';
import { attemptSignUpVerification, createSignUp, getOwnSignUp, prepareSignUpVerification, updateSignUp } from '../../services/sign-ups.ts';
import { completeConfirmedSignUpLink, prepareSignUpEmailLink } from '../../services/sign-up-email-link.ts';
import type { Runtime } from '../../services/runtime.ts';
import { isOAuthStrategy, startOAuthSignUp } from '../../services/oauth-sign-flows.ts';
import { oauthStartBody } from '@usher/protocol';
import { pathId, withClient, type App } from '../types.ts';

export function registerSignUpRoutes(app: App, rt: Runtime): void {
  app.post('/v1/client/sign_ups', async (c) => {
    if (isOAuthStrategy(c.get('body'))) {
      const started = await startOAuthSignUp(rt, c.get('instance'), c.get('clientContext'), parseBody(oauthStartBody, c.get('body')), c.req.header('origin') ?? null);
      const json = await loadSignUpJSON(rt, started.record, c.get('instance'));
      return c.json(await withClient(rt, c, { ...json, verifications: { ...json.verifications, external_account: started.verification } }));
    }
    const body = parseBody(signUpCreateBody, c.get('body'));
    const signUp = await createSignUp(rt, c.get('instance'), c.get('clientContext'), body);
    return c.json(await withClient(rt, c, await loadSignUpJSON(rt, signUp, c.get('instance'))));
  });

  app.get('/v1/client/sign_ups/:id', async (c) => {
    const signUp = await getOwnSignUp(rt, c.get('clientContext'), pathId(c, 'sua', 'sign_up_not_found'));
    return c.json(await withClient(rt, c, await loadSignUpJSON(rt, signUp, c.get('instance'))));
  });

  app.patch('/v1/client/sign_ups/:id', async (c) => {
    const id = pathId(c, 'sua', 'sign_up_not_found');
    const body = parseBody(signUpUpdateBody, c.get('body'));
    const signUp = await updateSignUp(rt, c.get('instance'), c.get('clientContext'), id, body);
    return c.json(await withClient(rt, c, await loadSignUpJSON(rt, signUp, c.get('instance'))));
  });

  app.post('/v1/client/sign_ups/:id/prepare_verification', async (c) => {
    const id = pathId(c, 'sua', 'sign_up_not_found');
    const body = parseBody(signUpPrepareVerificationBody, c.get('body'));
    const signUp =
      body.strategy === 'email_link'
        ? await prepareSignUpEmailLink(rt, c.get('instance'), c.get('clientContext'), id, body.redirect_url, c.req.header('origin') ?? null)
        : await prepareSignUpVerification(rt, c.get('instance'), c.get('clientContext'), id);
    return c.json(await withClient(rt, c, await loadSignUpJSON(rt, signUp, c.get('instance'))));
  });

  app.post('/v1/client/sign_ups/:id/attempt_verification', async (c) => {
    const id = pathId(c, 'sua', 'sign_up_not_found');
    const body = parseBody(signUpAttemptVerificationBody, c.get('body'));
    const signUp =
      body.strategy === 'email_link'
        ? await completeConfirmedSignUpLink(rt, c.get('instance'), c.get('clientContext'), id)
        : await attemptSignUpVerification(rt, c.get('instance'), c.get('clientContext'), id, body.code);
    return c.json(await withClient(rt, c, await loadSignUpJSON(rt, signUp, c.get('instance'))));
  });
}
