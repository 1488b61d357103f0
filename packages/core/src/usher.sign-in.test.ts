import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUsherAPIError, UsherAPIError, UsherMisuseError } from './errors.ts';
import { Usher } from './usher.ts';

const mock = startUsherMockServer();
const instances: Usher[] = [];
const password = 'correct horse battery staple';
beforeEach(async () => {
  await mock.seedUser({ email: 'ada@example.com', password, firstName: 'Ada', lastName: 'Lovelace' });
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

describe.each(['cookie', 'bearer'] as const)('sign-in (%s mode)', (transport) => {
  async function loaded() {
    const usher = new Usher({ frontendApi: mock.origin, transport, storage: null });
    instances.push(usher);
    await usher.load();
    return usher;
  }

  it('identifier, then password: complete, and setActive signs the user in', async () => {
    const usher = await loaded();
    let signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.supportedFirstFactors.map((f) => f.strategy)).toContain('password');
    signIn = await signIn.attemptFirstFactor({ strategy: 'password', password });
    expect(signIn.status).toBe('complete');
    await usher.setActive({ session: signIn.createdSessionId });
    expect(usher.getSnapshot().user?.fullName).toBe('Ada Lovelace');
    expect(await usher.getToken()).toMatch(/^ey/);
  });

  it('identifier and password in one create() call', async () => {
    const usher = await loaded();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    expect(signIn.status).toBe('complete');
    await signIn.finalize();
    expect(usher.getSnapshot().session?.id).toBe(signIn.createdSessionId);
  });

  it('with an email code: prepare sends it, attempt completes', async () => {
    const usher = await loaded();
    let signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    signIn = await signIn.prepareFirstFactor({ strategy: 'email_code' });
    expect(signIn.firstFactorVerification?.status).toBe('unverified');
    const code = await mock.mailbox.latestCode('ada@example.com');
    signIn = await signIn.attemptFirstFactor({ strategy: 'email_code', code: code! });
    expect(signIn.status).toBe('complete');
    await usher.setActive({ session: signIn.createdSessionId });
    expect(usher.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
  });

  it('forgot password: the reset code leads to needs_new_password, resetPassword() completes and the new password works', async () => {
    const usher = await loaded();
    let signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    expect(signIn.supportedFirstFactors.map((f) => f.strategy)).toContain('reset_password_email_code');
    signIn = await signIn.prepareFirstFactor({ strategy: 'reset_password_email_code' });
    expect(signIn.firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'reset_password_email_code' });
    const code = await mock.mailbox.latestCode('ada@example.com');
    signIn = await signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code: code! });
    expect(signIn.status).toBe('needs_new_password');
    expect(usher.getSnapshot().signIn.status).toBe('needs_new_password');
    // The machine refuses what the status does not allow, before any request.
    await expect(signIn.attemptFirstFactor({ strategy: 'password', password })).rejects.toBeInstanceOf(UsherMisuseError);
    const short = await signIn.resetPassword({ password: 'short' }).catch((e: unknown) => e);
    expect(isUsherAPIError(short) && short.errors[0]?.code).toBe('form_password_length_too_short');
    signIn = await signIn.resetPassword({ password: 'a brand new passphrase', signOutOfOtherSessions: true });
    expect(signIn.status).toBe('complete');
    await signIn.finalize();
    expect(usher.getSnapshot().user?.fullName).toBe('Ada Lovelace');
    await usher.signOut();
    const again = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: 'a brand new passphrase' });
    expect(again.status).toBe('complete');
  });

  it('a wrong password is an UsherAPIError with code form_password_incorrect', async () => {
    const usher = await loaded();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    const error = await signIn.attemptFirstFactor({ strategy: 'password', password: 'not the password' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsherAPIError);
    expect(isUsherAPIError(error)).toBe(true);
    const apiError = error as UsherAPIError;
    expect(apiError.status).toBe(422);
    expect(apiError.errors[0]).toMatchObject({ code: 'form_password_incorrect', message: expect.any(String), longMessage: expect.any(String) });
    expect(apiError.hasCode('form_password_incorrect')).toBe(true);
    expect(usher.getSnapshot().session).toBeNull();
  });

  it('a call the status does not allow throws a TypeError before any request', async () => {
    const usher = await loaded();
    let requests = 0;
    const count = () => requests++;
    mock.server.events.on('request:start', count);
    await expect(usher.getSnapshot().signIn.attemptFirstFactor({ strategy: 'password', password })).rejects.toBeInstanceOf(UsherMisuseError);
    const complete = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    const before = requests;
    await expect(complete.prepareFirstFactor({ strategy: 'email_code' })).rejects.toThrow(TypeError);
    expect(requests).toBe(before);
    mock.server.events.removeListener('request:start', count);
  });

  it('reload() fetches the sign-in again and keeps its identity when nothing changed', async () => {
    const usher = await loaded();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    expect(await signIn.reload()).toBe(signIn);
  });

  it('user.update() changes the profile and the snapshot', async () => {
    const usher = await loaded();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    await usher.setActive({ session: signIn.createdSessionId });
    const updated = await usher.getSnapshot().user!.update({ firstName: 'Augusta' });
    expect(updated.firstName).toBe('Augusta');
    expect(usher.getSnapshot().user).toBe(updated);
  });

  it('signOut() ends the session: no user, no token', async () => {
    const usher = await loaded();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    await usher.setActive({ session: signIn.createdSessionId });
    await usher.signOut();
    expect(usher.getSnapshot()).toMatchObject({ session: null, user: null });
    expect(await usher.getToken()).toBeNull();
    expect(usher.getSnapshot().client?.sessions.every((s) => s.status !== 'active')).toBe(true);
  });
});

describe('cookie mode', () => {
  it('a returning visitor (same browser cookies) is signed in by load() alone', async () => {
    const first = new Usher({ frontendApi: mock.origin, storage: null });
    instances.push(first);
    await first.load();
    const signIn = await first.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    await first.setActive({ session: signIn.createdSessionId });
    const again = new Usher({ frontendApi: mock.origin, storage: null });
    instances.push(again);
    await again.load();
    expect(again.getSnapshot().user?.firstName).toBe('Ada');
    expect(again.getSnapshot().session?.id).toBe(signIn.createdSessionId);
  });

  it('the __client cookie rotates at sign-in (no fixation) and the SDK follows', async () => {
    const usher = new Usher({ frontendApi: mock.origin, storage: null });
    instances.push(usher);
    await usher.load();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    const before = mock.cookies.get('__client');
    const done = await signIn.attemptFirstFactor({ strategy: 'password', password });
    expect(mock.cookies.get('__client')).not.toBe(before);
    await usher.setActive({ session: done.createdSessionId });
    expect(usher.getSnapshot().user?.firstName).toBe('Ada');
  });
});

describe('bearer mode', () => {
  it('adopts the client token that rotates at sign-in, and keeps it in storage when asked', async () => {
    const values = new Map<string, string>();
    const storage = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), removeItem: (k: string) => void values.delete(k) };
    const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage, persistClientToken: true });
    instances.push(usher);
    await usher.load();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    const key = [...values.keys()].find((k) => k.startsWith('usher:client-token:'))!;
    const before = values.get(key);
    expect(before).toBeTruthy();
    const done = await signIn.attemptFirstFactor({ strategy: 'password', password });
    expect(values.get(key)).not.toBe(before);
    await usher.setActive({ session: done.createdSessionId });
    expect(usher.getSnapshot().user?.firstName).toBe('Ada');

    // A new instance (an app restart) finds the client again with the stored token.
    const restarted = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage, persistClientToken: true });
    instances.push(restarted);
    await restarted.load();
    expect(restarted.getSnapshot().user?.firstName).toBe('Ada');
  });
});

describe('getToken({ template })', () => {
  it('mints from a JWT template next to the session token, cached by template', async () => {
    const now = mock.clock.now();
    await mock.store.createJwtTemplate({
      id: 'jtmp_01test0000000000000000000000000000',
      name: 'svc',
      claims: { email: '{{user.primary_email_address}}', name: '{{user.full_name}}' },
      lifetimeSeconds: 300,
      allowedClockSkewSeconds: 5,
      audience: 'svc',
      signingAlgorithm: 'instance',
      signingKey: null,
      createdAt: now,
      updatedAt: now,
    });
    const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
    instances.push(usher);
    await usher.load();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
    await signIn.finalize();
    const payloadOf = (jwt: string) => JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const templated = await usher.getToken({ template: 'svc' });
    const session = await usher.getToken();
    expect(payloadOf(templated!)).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', aud: 'svc', sid: signIn.createdSessionId });
    expect((payloadOf(templated!).exp as number) - (payloadOf(templated!).iat as number)).toBe(300);
    expect(payloadOf(session!).email).toBeUndefined();
    expect(await usher.getToken({ template: 'svc' })).toBe(templated);
    await expect(usher.getToken({ template: 'missing' })).rejects.toSatisfy((e: unknown) => isUsherAPIError(e) && e.hasCode('jwt_template_not_found'));
  });
});
