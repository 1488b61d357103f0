import { totpCodeOf, type UsherMock } from '@usher/testing/browser';

/**
 * An authenticator app for stories (they run in the browser): codes come from @usher/testing's
 * `totpCodeOf` (RFC 6238 with WebCrypto, independent of the server's implementation).
 */

/**
 * The code an authenticator app shows now for a setup key as displayed on screen (blocks of 4).
 *
 * @example await userEvent.paste(await codeForShownKey(canvas.getByTestId('usher-totp-secret').textContent));
 */
export function codeForShownKey(shownKey: string | null, nowMs: number = Date.now()): Promise<string> {
  return totpCodeOf((shownKey ?? '').replace(/\s+/g, ''), nowMs);
}

/**
 * Sets up an authenticator app for the user of a signed-in bearer client through the real
 * endpoints (start, then a first code). `seedUser({ totp: true })` cannot serve a story that
 * starts signed in: it signs its own client out, and a password sign-in then needs the second
 * step. Answers the 10 backup codes the app came with.
 *
 * @example
 * seed: async ({ mock, seedUser, signIn }) => {
 *   const { clientToken } = await signIn(await seedUser());
 *   await enableTotp(mock, clientToken);
 * }
 */
export async function enableTotp(mock: Pick<UsherMock, 'app' | 'origin' | 'clock'>, clientToken: string): Promise<string[]> {
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await mock.app.fetch(
      new Request(`${mock.origin}/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${clientToken}` }, body: JSON.stringify(body) }),
    );
    const json = (await response.json()) as { response: T; errors?: Array<{ code: string }> };
    if (!response.ok) throw new Error(`enableTotp: POST ${path} answered ${response.status} ${json.errors?.[0]?.code ?? ''}`);
    return json.response;
  };
  const started = await call<{ secret: string }>('/me/totp', {});
  const done = await call<{ backup_codes: string[] | null }>('/me/totp/attempt_verification', { code: await totpCodeOf(started.secret, mock.clock.now()) });
  return done.backup_codes ?? [];
}
