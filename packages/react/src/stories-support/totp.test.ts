import { setupUsherMock } from '@usher/testing';
import { signInClient } from '@usher/testing/browser';
import { describe, expect, it } from 'vitest';
import { codeForShownKey, enableTotp } from './totp.ts';

describe("the stories' authenticator app", () => {
  it('reads a key as shown on screen, in blocks of 4 (RFC 6238’s secret at 59 s → 287082)', async () => {
    expect(await codeForShownKey('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ', 59_000)).toBe('287082');
  });

  it('enableTotp turns an authenticator app on through the real endpoints, with 10 backup codes', async () => {
    const mock = setupUsherMock();
    const ada = await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const { clientToken } = await signInClient(mock, { identifier: ada.email, password: 'correct horse battery staple' });
    expect(await enableTotp(mock, clientToken)).toHaveLength(10);
    const me = await mock.app.fetch(new Request(`${mock.origin}/v1/me`, { headers: { authorization: `Bearer ${clientToken}` } }));
    expect(((await me.json()) as { response: { totp_enabled: boolean } }).response.totp_enabled).toBe(true);
  });
});
