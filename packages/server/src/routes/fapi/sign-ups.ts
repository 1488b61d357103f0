import { signUpAttemptVerificationBody, signUpCreateBody, signUpPrepareVerificationBody, signUpUpdateBody } from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import { loadSignUpJSON } from '../../services/serializers/load.ts';
import { attemptSignUpVerification, createSignUp, getOwnSignUp, prepareSignUpVerification, updateSignUp } from '../../services/sign-ups.ts';
import type { Runtime } from '../../services/runtime.ts';
import { pathId, withClient, type App } from '../types.ts';

export function registerSignUpRoutes(app: App, rt: Runtime): void {
  app.post('/v1/client/sign_ups', async (c) => {
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
    parseBody(signUpPrepareVerificationBody, c.get('body'));
    const signUp = await prepareSignUpVerification(rt, c.get('instance'), c.get('clientContext'), id);
    return c.json(await withClient(rt, c, await loadSignUpJSON(rt, signUp, c.get('instance'))));
  });

  app.post('/v1/client/sign_ups/:id/attempt_verification', async (c) => {
    const id = pathId(c, 'sua', 'sign_up_not_found');
    const body = parseBody(signUpAttemptVerificationBody, c.get('body'));
    const signUp = await attemptSignUpVerification(rt, c.get('instance'), c.get('clientContext'), id, body.code);
    return c.json(await withClient(rt, c, await loadSignUpJSON(rt, signUp, c.get('instance'))));
  });
}
