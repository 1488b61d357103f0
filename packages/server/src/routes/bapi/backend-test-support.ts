/** What the Backend API tests share: a secret key on the test app, and calls that carry it. */
import { webCryptoRandom } from '../../crypto/random.ts';
import { createSecretKey } from '../../services/backend/secret-keys.ts';
import { BASE, type ApiResult, type TestApp } from '../test-support.ts';

export async function givenSecretKey(t: TestApp, name = 'test'): Promise<string> {
  const { secretKey } = await createSecretKey({ store: t.store, clock: t.clock, random: webCryptoRandom }, { environment: 'development', name });
  return secretKey;
}

/** One Backend API call, server to server: no Origin, no cookie. */
export async function backendCall(t: TestApp, method: string, path: string, options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.app.request(`${BASE}/backend/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text), headers: res.headers, token: null };
}
