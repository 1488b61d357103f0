import { startUsherMockServer } from '@usher/testing/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isUsherAPIError, isUsherOfflineError, UsherAPIError } from './errors.ts';
import { Usher } from './usher.ts';

const mock = startUsherMockServer();
const instances: Usher[] = [];
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

function create(transport: 'cookie' | 'bearer' = 'bearer') {
  const usher = new Usher({ frontendApi: mock.origin, transport, storage: null });
  instances.push(usher);
  return usher;
}

function recordRequests() {
  const requests: Request[] = [];
  mock.server.events.on('request:start', ({ request }) => void requests.push(request.clone()));
  return requests;
}

describe('transport', () => {
  it('sends JSON bodies with Content-Type: application/json', async () => {
    const requests = recordRequests();
    const usher = create();
    await usher.load();
    await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('content-type')).toBe('application/json');
    expect(await post.json()).toEqual({ identifier: 'ada@example.com' });
    mock.server.events.removeAllListeners();
  });

  it('cookie mode sends credentials and no bearer headers; bearer mode sends the token and no cookies', async () => {
    const requests = recordRequests();
    const cookie = create('cookie');
    await cookie.load();
    await cookie.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    expect(requests.every((r) => r.credentials === 'include' && !r.headers.has('authorization') && !r.headers.has('x-usher-bearer'))).toBe(true);

    requests.length = 0;
    const bearer = create('bearer');
    await bearer.load();
    await bearer.getSnapshot().signIn.create({ identifier: 'ada@example.com' });
    await bearer.reloadClient();
    expect(requests[0]?.headers.get('x-usher-bearer')).toBe('1');
    expect(requests.at(-1)?.headers.get('authorization')).toMatch(/^Bearer .+/);
    expect(requests.every((r) => r.credentials === 'omit')).toBe(true);
    mock.server.events.removeAllListeners();
  });

  it('an API error is parsed into UsherAPIError with camelCase fields', async () => {
    const usher = create();
    await usher.load();
    const error = await usher.getSnapshot().signIn.create({ identifier: 'x'.repeat(400) }).catch((e: unknown) => e);
    expect(isUsherAPIError(error)).toBe(true);
    const apiError = error as UsherAPIError;
    expect(apiError.status).toBe(422);
    expect(apiError.errors[0]?.meta.paramName).toBe('identifier');
    expect(apiError.errors[0]?.longMessage).toEqual(expect.any(String));
    expect(apiError.code).toBe('api_error');
  });

  it('Retry-After of a 429 is read in seconds', async () => {
    mock.server.use(http.post('*/v1/client/sign_ins', () => HttpResponse.json({ errors: [{ code: 'too_many_requests', message: 'Too many requests', long_message: 'Slow down', meta: {} }] }, { status: 429, headers: { 'Retry-After': '7' } })));
    const usher = create();
    await usher.load();
    const error = (await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' }).catch((e: unknown) => e)) as UsherAPIError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(7);
    expect(error.errors[0]?.code).toBe('too_many_requests');
  });

  it("a proxy's HTML error page still becomes a typed UsherAPIError", async () => {
    mock.server.use(http.post('*/v1/client/sign_ins', () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })));
    const usher = create();
    await usher.load();
    const error = (await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' }).catch((e: unknown) => e)) as UsherAPIError;
    expect(error).toBeInstanceOf(UsherAPIError);
    expect(error.status).toBe(502);
    expect(error.errors[0]?.code).toBe('internal_error');
  });

  it('a network failure is an UsherOfflineError', async () => {
    mock.server.use(http.post('*/v1/client/sign_ins', () => HttpResponse.error()));
    const usher = create();
    await usher.load();
    const error = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com' }).catch((e: unknown) => e);
    expect(isUsherOfflineError(error)).toBe(true);
    expect((error as Error).message).not.toMatch(/ada@example\.com/);
  });
});
