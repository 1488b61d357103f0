import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Usher } from './usher.ts';

const mock = startUsherMockServer();
const instances: Usher[] = [];
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

/** Checks an ES256 JWS against the instance's published JWKS, with WebCrypto only. */
async function verifiesAgainstJwks(jwt: string): Promise<boolean> {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string; alg: string };
  const { keys } = (await (await fetch(`${mock.origin}/.well-known/jwks.json`)).json()) as { keys: Array<JsonWebKey & { kid: string }> };
  const jwk = keys.find((k) => k.kid === kid);
  if (alg !== 'ES256' || !jwk) return false;
  const key = await crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, Buffer.from(signature, 'base64url'), new TextEncoder().encode(`${header}.${payload}`));
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe.each(['cookie', 'bearer'] as const)('sign-up (%s mode)', (transport) => {
  it('email + password, verified with the emailed code, then setActive: signed in with a 60-second token', async () => {
    const usher = new Usher({ frontendApi: mock.origin, transport, storage: null });
    instances.push(usher);
    await usher.load();
    expect(usher.getSnapshot()).toMatchObject({ isLoaded: true, session: null, user: null });
    expect(usher.getSnapshot().signUp.status).toBeNull();

    let signUp = await usher.getSnapshot().signUp.create({ emailAddress: 'ada@example.com', password: 'correct horse battery staple', firstName: 'Ada' });
    expect(signUp.status).toBe('missing_requirements');
    expect(signUp.unverifiedFields).toEqual(['email_address']);
    expect(usher.getSnapshot().signUp).toBe(signUp);

    signUp = await signUp.prepareEmailAddressVerification();
    expect(signUp.verifications.emailAddress?.status).toBe('unverified');
    const code = await mock.mailbox.latestCode('ada@example.com');
    expect(code).toMatch(/^\d{6}$/);

    signUp = await signUp.attemptEmailAddressVerification({ code: code! });
    expect(signUp.status).toBe('complete');
    expect(signUp.createdSessionId).toMatch(/^sess_/);
    // Like Clerk: a complete sign-up does not switch sessions by itself.
    expect(usher.getSnapshot().session).toBeNull();

    await usher.setActive({ session: signUp.createdSessionId });
    const { user, session } = usher.getSnapshot();
    expect(session?.id).toBe(signUp.createdSessionId);
    expect(user?.firstName).toBe('Ada');
    expect(user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    expect(user?.primaryEmailAddress?.verified).toBe(true);

    const jwt = await usher.getToken();
    const claims = claimsOf(jwt!);
    expect(claims.sub).toBe(user!.id);
    expect(claims.sid).toBe(session!.id);
    expect((claims.exp as number) - (claims.iat as number)).toBe(60);
    expect(claims.iss).toBe(mock.origin);
    expect(await verifiesAgainstJwks(jwt!)).toBe(true);
  });

  it('a wrong code answers form_code_incorrect and the sign-up stays open', async () => {
    const usher = new Usher({ frontendApi: mock.origin, transport, storage: null });
    instances.push(usher);
    await usher.load();
    const signUp = await (await usher.getSnapshot().signUp.create({ emailAddress: 'ada@example.com', password: 'correct horse battery staple' })).prepareEmailAddressVerification();
    const code = (await mock.mailbox.latestCode('ada@example.com'))!;
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(signUp.attemptEmailAddressVerification({ code: wrong })).rejects.toMatchObject({ name: 'UsherAPIError', errors: [expect.objectContaining({ code: 'form_code_incorrect' })] });
    expect(usher.getSnapshot().signUp.status).toBe('missing_requirements');
  });

  it('finalize() on the complete sign-up is the setActive helper', async () => {
    const usher = new Usher({ frontendApi: mock.origin, transport, storage: null });
    instances.push(usher);
    await usher.load();
    const signUp = await (await usher.getSnapshot().signUp.create({ emailAddress: 'ada@example.com', password: 'correct horse battery staple' })).prepareEmailAddressVerification();
    const done = await signUp.attemptEmailAddressVerification({ code: (await mock.mailbox.latestCode('ada@example.com'))! });
    await done.finalize();
    expect(usher.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
  });
});
