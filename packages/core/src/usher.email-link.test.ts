import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Usher } from './usher.ts';

const mock = startUsherMockServer({ instanceConfig: { attributes: { emailAddress: { firstFactors: ['email_code', 'email_link'] } } } });
const instances: Usher[] = [];
beforeEach(async () => {
  await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.reset();
});
afterAll(() => mock.close());

function newUsher(): Usher {
  const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
  instances.push(usher);
  return usher;
}

/** The token of the newest sign-in link emailed to `to`. */
async function linkToken(to: string): Promise<string> {
  const message = (await mock.mailbox.list()).filter((m) => m.to === to).at(-1);
  const href = /(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? '';
  return new URL(href).searchParams.get('__usher_link') ?? '';
}

describe('sign-in by email link (against the real server through MSW)', () => {
  it('the same browser confirms the link and is signed in', async () => {
    const usher = newUsher();
    await usher.load();
    let attempt = await usher.signIn.create({ identifier: 'ada@example.com' });
    expect(attempt.supportedFirstFactors.map((f) => f.strategy)).toContain('email_link');
    attempt = await attempt.prepareFirstFactor({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-in/verify' });
    expect(attempt.firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'email_link' });
    const { sameClient, signIn } = await usher.signIn.confirmEmailLink({ token: await linkToken('ada@example.com') });
    expect(sameClient).toBe(true);
    expect(signIn?.status).toBe('complete');
    await signIn!.finalize();
    expect(usher.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
  });

  it('another browser confirms it; the one that started completes with attemptFirstFactor({ strategy: "email_link" })', async () => {
    const started = newUsher();
    await started.load();
    const attempt = await (await started.signIn.create({ identifier: 'ada@example.com' })).prepareFirstFactor({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-in/verify' });
    const other = newUsher();
    await other.load();
    const confirmed = await other.signIn.confirmEmailLink({ token: await linkToken('ada@example.com') });
    expect(confirmed).toEqual({ sameClient: false, signIn: null, signUp: null, emailAddress: null });
    expect(other.getSnapshot().session).toBeNull();
    const reloaded = await attempt.reload();
    expect(reloaded.firstFactorVerification?.status).toBe('verified');
    const done = await reloaded.attemptFirstFactor({ strategy: 'email_link' });
    expect(done.status).toBe('complete');
  });
});
