import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isUsherAPIError } from './errors.ts';
import { Usher } from './usher.ts';

const PASSWORD = 'correct horse battery staple';
const mock = startUsherMockServer({ instanceConfig: { attributes: { emailAddress: { verifications: ['email_code', 'email_link'] } } } });
const instances: Usher[] = [];
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.reset();
});
afterAll(() => mock.close());

async function newUsher(): Promise<Usher> {
  const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
  instances.push(usher);
  await usher.load();
  return usher;
}

/** The token of the newest link emailed to `to`. */
async function linkToken(to: string): Promise<string> {
  const message = (await mock.mailbox.list()).filter((m) => m.to === to && m.text.includes('__usher_link=')).at(-1);
  const href = /(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid';
  return new URL(href).searchParams.get('__usher_link') ?? '';
}

describe('verification links (against the real server through MSW)', () => {
  it('sign-up: the same browser confirms the link and the sign-up is complete', async () => {
    const usher = await newUsher();
    expect(usher.getSnapshot().environment?.userSettings.attributes.emailAddress.verifications).toEqual(['email_code', 'email_link']);
    let attempt = await usher.signUp.create({ emailAddress: 'ada@example.com', password: PASSWORD });
    attempt = await attempt.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-up/verify' });
    expect(attempt.verifications.emailAddress).toMatchObject({ status: 'unverified', strategy: 'email_link' });
    const { sameClient, signUp, signIn, emailAddress } = await usher.signUp.confirmEmailLink({ token: await linkToken('ada@example.com') });
    expect({ sameClient, signIn, emailAddress }).toEqual({ sameClient: true, signIn: null, emailAddress: null });
    expect(signUp?.status).toBe('complete');
    await signUp!.finalize();
    expect(usher.getSnapshot().user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
  });

  it('sign-up: another browser confirms; the one that started it sees it on reload() and finishes with { strategy: "email_link" }', async () => {
    const started = await newUsher();
    const attempt = await (await started.signUp.create({ emailAddress: 'ada@example.com', password: PASSWORD })).prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-up/verify' });
    const early = await attempt.attemptEmailAddressVerification({ strategy: 'email_link' }).catch((e: unknown) => e);
    expect(isUsherAPIError(early) && early.hasCode('verification_not_prepared')).toBe(true);
    const phone = await newUsher();
    const confirmed = await phone.signIn.confirmEmailLink({ token: await linkToken('ada@example.com') });
    expect(confirmed).toEqual({ sameClient: false, signIn: null, signUp: null, emailAddress: null });
    expect(phone.getSnapshot().session).toBeNull();
    const reloaded = await attempt.reload();
    expect(reloaded.verifications.emailAddress?.status).toBe('verified');
    expect(reloaded.unverifiedFields).toEqual([]);
    const done = await reloaded.attemptEmailAddressVerification({ strategy: 'email_link' });
    expect(done.status).toBe('complete');
  });

  it('an address added to the profile: its link verifies it from a signed-out browser; user.reload() shows it verified', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    const usher = await newUsher();
    const signedIn = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
    await usher.setActive({ session: signedIn.createdSessionId });
    const added = await usher.getSnapshot().user!.createEmailAddress({ email: 'ada@work.example' });
    const prepared = await added.prepareVerification({ strategy: 'email_link', redirectUrl: 'http://localhost:3000/sign-in/verify' });
    expect(prepared.verification).toMatchObject({ status: 'unverified', strategy: 'email_link' });
    const phone = await newUsher();
    const confirmed = await phone.signIn.confirmEmailLink({ token: await linkToken('ada@work.example') });
    expect(confirmed).toMatchObject({ sameClient: false, signIn: null, signUp: null });
    expect(confirmed.emailAddress).toMatchObject({ id: added.id, emailAddress: 'ada@work.example', verified: true });
    const fresh = await usher.getSnapshot().user!.reload();
    expect(fresh.emailAddresses.find((e) => e.id === added.id)?.verified).toBe(true);
    expect(usher.getSnapshot().user).toBe(fresh);
  });
});
