import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUsherAPIError } from './errors.ts';
import { Usher } from './usher.ts';

const mock = startUsherMockServer();
const instances: Usher[] = [];
const password = 'correct horse battery staple';
beforeEach(async () => {
  await mock.seedUser({ email: 'ada@example.com', password, firstName: 'Ada' });
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.reset();
});
afterAll(() => mock.close());

async function signedIn(): Promise<Usher> {
  const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
  instances.push(usher);
  await usher.load();
  const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', password });
  await usher.setActive({ session: signIn.createdSessionId });
  return usher;
}

describe('account changes (against the real server through MSW)', () => {
  it('updatePassword with the current password; the new one signs in', async () => {
    const usher = await signedIn();
    const user = usher.getSnapshot().user!;
    const wrong = await user.updatePassword({ currentPassword: 'nope', newPassword: 'an entirely new secret' }).catch((e: unknown) => e);
    expect(isUsherAPIError(wrong) && wrong.hasCode('form_password_incorrect')).toBe(true);
    const updated = await user.updatePassword({ currentPassword: password, newPassword: 'an entirely new secret', signOutOfOtherSessions: true });
    expect(updated.passwordEnabled).toBe(true);
    expect(usher.getSnapshot().user?.id).toBe(user.id);
    const other = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
    instances.push(other);
    await other.load();
    expect((await other.getSnapshot().signIn.create({ identifier: 'ada@example.com', password: 'an entirely new secret' })).status).toBe('complete');
  });

  it('a stale session must re-verify before deleting the account; then delete() signs the device out', async () => {
    const usher = await signedIn();
    mock.clock.advance(11 * 60_000);
    const refused = await usher.getSnapshot().user!.delete().catch((e: unknown) => e);
    expect(isUsherAPIError(refused) && refused.hasCode('session_reverification_required')).toBe(true);

    const session = usher.getSnapshot().session!;
    const started = await session.startVerification();
    expect(started.status).toBe('needs_first_factor');
    expect(started.supportedFirstFactors.map((f) => f.strategy)).toEqual(['password', 'email_code']);
    const prepared = await session.prepareFirstFactorVerification({ strategy: 'email_code' });
    expect(prepared.firstFactorVerification?.status).toBe('unverified');
    const code = await mock.mailbox.latestCode('ada@example.com');
    const done = await session.attemptFirstFactorVerification({ strategy: 'email_code', code: code! });
    expect(done.status).toBe('complete');

    await usher.getSnapshot().user!.delete();
    expect(usher.getSnapshot().user).toBeNull();
    expect(usher.getSnapshot().session).toBeNull();
  });
});

describe('email addresses (against the real server through MSW)', () => {
  it('add, verify by code, make primary, remove the old one after re-verifying', async () => {
    const usher = await signedIn();
    const user = usher.getSnapshot().user!;
    const added = await user.createEmailAddress({ email: 'ada@work.example' });
    expect(added.verified).toBe(false);
    expect(usher.getSnapshot().user?.emailAddresses.map((e) => e.emailAddress).sort()).toEqual(['ada@example.com', 'ada@work.example']);
    const prepared = await added.prepareVerification();
    expect(prepared.verification?.status).toBe('unverified');
    const verified = await prepared.attemptVerification({ code: (await mock.mailbox.latestCode('ada@work.example'))! });
    expect(verified.verified).toBe(true);
    const updated = await usher.getSnapshot().user!.update({ primaryEmailAddressId: verified.id });
    expect(updated.primaryEmailAddress?.emailAddress).toBe('ada@work.example');
    const old = updated.emailAddresses.find((e) => e.emailAddress === 'ada@example.com')!;
    mock.clock.advance(11 * 60_000);
    await expect(old.destroy()).rejects.toSatisfy((e: unknown) => isUsherAPIError(e) && e.hasCode('session_reverification_required'));
    await usher.getSnapshot().session!.attemptFirstFactorVerification({ strategy: 'password', password });
    await old.destroy();
    expect(usher.getSnapshot().user?.emailAddresses.map((e) => e.emailAddress)).toEqual(['ada@work.example']);
  });
});

describe('active devices (against the real server through MSW)', () => {
  it('lists this device and another one; revoking the other signs it out', async () => {
    const laptop = await signedIn();
    const phone = await signedIn();
    const devices = await laptop.getSnapshot().user!.getSessions();
    expect(devices).toHaveLength(2);
    expect(devices[0]).toMatchObject({ isThisDevice: true, isCurrent: true, status: 'active' });
    const other = devices.find((d) => !d.isThisDevice)!;
    expect(other.id).toBe(phone.getSnapshot().session?.id);
    await other.revoke();
    expect((await laptop.getSnapshot().user!.getSessions()).map((d) => d.id)).toEqual([devices[0]!.id]);
    await expect(phone.getToken({ skipCache: true })).resolves.toBeNull();
  });
});

describe('profile image (against the real server through MSW)', () => {
  const ONE_PIXEL_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

  it('uploads an image the user then shows, and removes it', async () => {
    const usher = await signedIn();
    const user = usher.getSnapshot().user!;
    expect(user.hasImage).toBe(false);
    const updated = await user.setProfileImage({ file: new Blob([ONE_PIXEL_PNG], { type: 'image/png' }) });
    expect(updated.hasImage).toBe(true);
    expect(usher.getSnapshot().user?.imageUrl).toBe(updated.imageUrl);
    const served = await fetch(updated.imageUrl);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(ONE_PIXEL_PNG);
    const removed = await usher.getSnapshot().user!.setProfileImage({ file: null });
    expect(removed.hasImage).toBe(false);
  });

  it('says what is wrong with a file that is not an image', async () => {
    const usher = await signedIn();
    const error = await usher.getSnapshot().user!.setProfileImage({ file: new Blob(['<svg/>'], { type: 'image/svg+xml' }) }).catch((e: unknown) => e);
    expect(isUsherAPIError(error) && error.hasCode('form_param_format_invalid')).toBe(true);
  });
});

describe('phone numbers (against the real server through MSW)', () => {
  it('is refused while the instance has phone numbers off', async () => {
    const usher = await signedIn();
    const error = await usher.getSnapshot().user!.createPhoneNumber({ phoneNumber: '+15555550100' }).catch((e: unknown) => e);
    expect(isUsherAPIError(error) && error.hasCode('form_param_unknown')).toBe(true);
    expect(usher.getSnapshot().user?.phoneNumbers).toEqual([]);
  });
});
