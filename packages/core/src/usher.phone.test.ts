import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Usher } from './usher.ts';

const mock = startUsherMockServer({ instanceConfig: { attributes: { phoneNumber: { enabled: true } } } });
const instances: Usher[] = [];
const password = 'correct horse battery staple';
beforeEach(async () => {
  await mock.seedUser({ email: 'ada@example.com', password });
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.reset();
});
afterAll(() => mock.close());

/** The code of the newest text message to `to`, from the dev SMS box. */
async function latestSmsCode(to: string): Promise<string> {
  const { data } = await mock.store.listDevMessages({ channel: 'sms', limit: 100, offset: 0 });
  return /\b(\d{6})\b/.exec(data.filter((m) => m.to === to).at(-1)?.text ?? '')?.[1] ?? '';
}

describe('phone numbers (against the real server through MSW)', () => {
  it('add, verify by a texted code, make primary, remove', async () => {
    const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
    instances.push(usher);
    await usher.load();
    const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', password });
    await usher.setActive({ session: signIn.createdSessionId });

    const added = await usher.getSnapshot().user!.createPhoneNumber({ phoneNumber: '+44 7700 900123' });
    expect(added.phoneNumber).toBe('+447700900123');
    expect(added.verified).toBe(false);
    await added.prepareVerification();
    const verified = await added.attemptVerification({ code: await latestSmsCode('+447700900123') });
    expect(verified.verified).toBe(true);
    const updated = await usher.getSnapshot().user!.update({ primaryPhoneNumberId: verified.id });
    expect(updated.primaryPhoneNumber?.phoneNumber).toBe('+447700900123');
    await updated.phoneNumbers[0]!.destroy();
    expect(usher.getSnapshot().user?.phoneNumbers).toEqual([]);
    expect(usher.getSnapshot().user?.primaryPhoneNumberId).toBeNull();
  });
});
