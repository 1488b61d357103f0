import { describe, expect, it } from 'vitest';
import { createPbkdf2Hasher } from '../crypto/pbkdf2-hasher.ts';
import type { PasswordHasher } from '../deps.ts';
import { call, createTestApp, latestCode, mailbox, signUp, type TestApp } from './test-support.ts';

/** Stands in for Node's socket address: each test request names its peer in this header. */
const PEER = 'x-test-peer';
const peerOf = (request: Request) => request.headers.get(PEER) ?? undefined;
const HOME = { [PEER]: '198.51.100.1' };

/** A hasher that counts its work, to prove that refused requests never reached it. */
function countingHasher(): PasswordHasher & { verifications: number } {
  const inner = createPbkdf2Hasher({ iterations: 1000 });
  const hasher = {
    verifications: 0,
    hash: (password: string) => inner.hash(password),
    verify: (hash: string, password: string) => {
      hasher.verifications++;
      return inner.verify(hash, password);
    },
  };
  return hasher;
}

async function mailsTo(t: TestApp, to: string): Promise<number> {
  return (await mailbox(t)).filter((m) => m.to === to).length;
}

async function startSignUp(t: TestApp, email: string, headers: Record<string, string> = HOME): Promise<{ id: string; token: string }> {
  const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: email, password: 'correct horse battery' }, headers });
  expect(created.status).toBe(200);
  return { id: created.body.response.id, token: created.token as string };
}

describe('code resend cooldown: 30 seconds per sign-up or sign-in', () => {
  it('prepare_verification: a second send within 30 s is 429 and sends nothing; after 30 s it sends', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const { id, token } = await startSignUp(t, 'jane@example.com');
    const prepare = () => call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' }, headers: HOME });
    expect((await prepare()).status).toBe(200);
    t.clock.advance(10_000);
    const early = await prepare();
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('20');
    expect(early.body.errors[0]).toMatchObject({ code: 'too_many_requests', meta: { retry_after_seconds: 20 } });
    expect(await mailsTo(t, 'jane@example.com')).toBe(1);
    t.clock.advance(20_000);
    expect((await prepare()).status).toBe(200);
    expect(await mailsTo(t, 'jane@example.com')).toBe(2);
  });

  it('a resend after the cooldown does not reset the attempt budget of the code', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const { id, token } = await startSignUp(t, 'jane@example.com');
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' }, headers: HOME });
    const first = await latestCode(t, 'jane@example.com');
    const wrong = first === '000000' ? '000001' : '000000';
    for (let i = 0; i < 3; i++) {
      const res = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code: wrong }, headers: HOME });
      expect(res.body.errors[0].code).toBe('form_code_incorrect');
    }
    t.clock.advance(30_000);
    expect((await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' }, headers: HOME })).status).toBe(200);
    const second = await latestCode(t, 'jane@example.com');
    const wrong2 = second === '000000' ? '000001' : '000000';
    const fourth = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code: wrong2 }, headers: HOME });
    expect(fourth.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { remaining_attempts: 1 } });
  });

  it('the cooldown belongs to one sign-up: another one on the same device and IP may send at once', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const one = await startSignUp(t, 'one@example.com');
    const two = await startSignUp(t, 'two@example.com');
    expect((await call(t.app, 'POST', `/v1/client/sign_ups/${one.id}/prepare_verification`, { token: one.token, body: { strategy: 'email_code' }, headers: HOME })).status).toBe(200);
    expect((await call(t.app, 'POST', `/v1/client/sign_ups/${two.id}/prepare_verification`, { token: two.token, body: { strategy: 'email_code' }, headers: HOME })).status).toBe(200);
  });

  it('prepare_first_factor has the same cooldown, and a sign-in created with email_code starts it', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    await signUp(t, 'jane@example.com');
    const before = await mailsTo(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'email_code' }, headers: HOME });
    expect(started.status).toBe(200);
    const id = started.body.response.id;
    const prepare = () => call(t.app, 'POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { token: started.token, body: { strategy: 'email_code' }, headers: HOME });
    const early = await prepare();
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('30');
    expect(await mailsTo(t, 'jane@example.com')).toBe(before + 1);
    t.clock.advance(30_000);
    expect((await prepare()).status).toBe(200);
    expect(await mailsTo(t, 'jane@example.com')).toBe(before + 2);
  });

  it('a password reset code shares the sign-in’s cooldown: switching strategy does not send a second email at once', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    await signUp(t, 'jane@example.com');
    const before = await mailsTo(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' }, headers: HOME });
    const id = started.body.response.id;
    const prepare = (strategy: string) => call(t.app, 'POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { token: started.token, body: { strategy }, headers: HOME });
    expect((await prepare('reset_password_email_code')).status).toBe(200);
    expect((await prepare('reset_password_email_code')).status).toBe(429);
    expect((await prepare('email_code')).status).toBe(429);
    expect(await mailsTo(t, 'jane@example.com')).toBe(before + 1);
  });
});

describe('code emails: 5 per 10 minutes per IP', () => {
  it('the 6th code in 10 minutes from one IP is 429 and sends nothing; another IP still may', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    for (let i = 1; i <= 5; i++) {
      const { id, token } = await startSignUp(t, `user${i}@example.com`);
      expect((await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' }, headers: HOME })).status).toBe(200);
      t.clock.advance(60_000);
    }
    const sixth = await startSignUp(t, 'user6@example.com');
    const refused = await call(t.app, 'POST', `/v1/client/sign_ups/${sixth.id}/prepare_verification`, { token: sixth.token, body: { strategy: 'email_code' }, headers: HOME });
    expect(refused.status).toBe(429);
    // The first code went out 5 minutes ago.
    expect(refused.headers.get('retry-after')).toBe('300');
    expect(await mailsTo(t, 'user6@example.com')).toBe(0);
    // A sign-in that emails its code at creation counts towards the same budget.
    const viaSignIn = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'user1@example.com', strategy: 'email_code' }, headers: HOME });
    expect(viaSignIn.status).toBe(429);
    const elsewhere = await startSignUp(t, 'other@example.com', { [PEER]: '198.51.100.2' });
    expect((await call(t.app, 'POST', `/v1/client/sign_ups/${elsewhere.id}/prepare_verification`, { token: elsewhere.token, body: { strategy: 'email_code' }, headers: { [PEER]: '198.51.100.2' } })).status).toBe(200);
  });
});

describe('factor attempts: 3 per 10 seconds per IP', () => {
  it('the 4th code attempt within 10 s is 429 and does not touch the code; after 10 s the right code works', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'email_code' }, headers: HOME });
    const id = started.body.response.id;
    const code = await latestCode(t, 'jane@example.com');
    const wrong = code === '000000' ? '000001' : '000000';
    const attempt = (value: string) => call(t.app, 'POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { token: started.token, body: { strategy: 'email_code', code: value }, headers: HOME });
    for (let i = 0; i < 3; i++) expect((await attempt(wrong)).body.errors[0].code).toBe('form_code_incorrect');
    const refused = await attempt(code);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    const read = await call(t.app, 'GET', `/v1/client/sign_ins/${id}`, { token: started.token, headers: HOME });
    expect(read.body.response).toMatchObject({ status: 'needs_first_factor', first_factor_verification: { attempts: 3 } });
    t.clock.advance(10_000);
    const done = await attempt(code);
    expect(done.status).toBe(200);
    expect(done.body.response.status).toBe('complete');
  });

  it('password guesses count too, a sign-in created with a password included, and refused ones are never hashed', async () => {
    const hasher = countingHasher();
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf, hasher });
    await signUp(t, 'jane@example.com');
    const guess = { identifier: 'jane@example.com', strategy: 'password', password: 'wrong password' };
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: guess, headers: HOME })).status).toBe(422);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: guess, headers: HOME })).status).toBe(422);
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' }, headers: HOME });
    const id = started.body.response.id;
    const attempt = () => call(t.app, 'POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { token: started.token, body: { strategy: 'password', password: 'wrong password' }, headers: HOME });
    expect((await attempt()).status).toBe(422);
    const verifications = hasher.verifications;
    expect((await attempt()).status).toBe(429);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: guess, headers: HOME })).status).toBe(429);
    expect(hasher.verifications).toBe(verifications);
  });

  it('sign-in and sign-up attempts share the budget', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const { id, token } = await startSignUp(t, 'jane@example.com');
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' }, headers: HOME });
    const code = await latestCode(t, 'jane@example.com');
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 3; i++) await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code: wrong }, headers: HOME });
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'nobody@example.com' }, headers: HOME });
    const res = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, { token: started.token, body: { strategy: 'password', password: 'whatever it is' }, headers: HOME });
    expect(res.status).toBe(429);
  });
});

describe('token mints: 10 per 10 seconds per session', () => {
  it('the 11th mint for one session within 10 s is 429; another session still mints', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const jane = await signUp(t, 'jane@example.com');
    const john = await signUp(t, 'john@example.com');
    const mint = (user: typeof jane) => call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token, headers: HOME });
    for (let i = 0; i < 10; i++) expect((await mint(jane)).status).toBe(200);
    const refused = await mint(jane);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0]).toMatchObject({ code: 'too_many_requests', meta: { retry_after_seconds: 10 } });
    expect((await mint(john)).status).toBe(200);
    t.clock.advance(10_000);
    expect((await mint(jane)).status).toBe(200);
  });
});
