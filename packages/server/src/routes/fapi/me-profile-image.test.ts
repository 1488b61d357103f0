/**
 * Profile images: upload (multipart or raw bytes, sniffed, at most 512 px), served with caching
 * headers from this API, replaced by the next upload, removed back to the default avatar.
 */
import { describe, expect, it } from 'vitest';
import { jpegHeader, pngImage } from '../../services/avatars/test-images.test-support.ts';
import { APP_ORIGIN, BASE, call, createTestApp, signUp, type SignedUp, type TestApp } from '../test-support.ts';

async function upload(t: TestApp, me: SignedUp, body: BodyInit, contentType?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${me.token}`, origin: APP_ORIGIN };
  if (contentType) headers['content-type'] = contentType;
  const res = await t.app.request(`${BASE}/v1/me/profile_image`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.json() };
}
const form = (bytes: Uint8Array<ArrayBuffer>, type = 'image/png') => {
  const data = new FormData();
  data.set('file', new Blob([bytes], { type }), 'avatar');
  return data;
};

describe('POST /v1/me/profile_image', () => {
  it('stores a multipart PNG, serves it with caching headers, and the user shows it', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const image = pngImage(256, 256);
    const res = await upload(t, me, form(image));
    expect(res.status).toBe(200);
    const url = res.body.response.image_url as string;
    expect(res.body.response.has_image).toBe(true);
    expect(url).toMatch(/^http:\/\/localhost:4000\/v1\/images\/img_[0-9a-z]{36}\.png$/);
    const served = await t.app.request(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('set-cookie')).toBeNull();
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(image);
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response.image_url).toBe(url);
  });

  it('takes raw image bytes too; a new upload replaces the old one, which is gone', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const first = (await upload(t, me, pngImage(64, 64), 'image/png')).body.response.image_url as string;
    const second = (await upload(t, me, form(jpegHeader(400, 300), 'image/jpeg'))).body.response.image_url as string;
    expect(second).toMatch(/\.jpg$/);
    expect((await t.app.request(first)).status).toBe(404);
    expect((await t.app.request(second)).headers.get('content-type')).toBe('image/jpeg');
    // Asking for it under another extension finds nothing.
    expect((await t.app.request(second.replace(/\.jpg$/, '.png'))).status).toBe(404);
  });

  it('refuses what is not an image, what is too big, and wrong media types, changing nothing', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const cases: Array<[BodyInit, string | undefined, number, string]> = [
      [form(svg, 'image/png'), undefined, 422, 'form_param_format_invalid'],
      [form(pngImage(600, 100)), undefined, 422, 'form_param_value_invalid'],
      [new Uint8Array(3 * 1024 * 1024), 'image/png', 413, 'request_body_too_large'],
      [JSON.stringify({ file: 'x' }), 'application/json', 415, 'unsupported_media_type'],
      [(() => { const f = new FormData(); f.set('other', 'x'); return f; })(), undefined, 422, 'form_param_missing'],
      ['garbage', 'multipart/form-data; boundary=nope', 400, 'request_body_invalid'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await upload(t, me, body, type);
      expect(res.status, code).toBe(status);
      expect(res.body.errors[0].code).toBe(code);
    }
    expect((await t.store.getUser(me.userId))?.imageUrl).toBeNull();
  });

  it('refuses a cross-site upload with cookies (Origin check) and an anonymous one', async () => {
    const t = createTestApp();
    const evil = await t.app.request(`${BASE}/v1/me/profile_image`, { method: 'POST', headers: { origin: 'https://evil.example', cookie: '__client=x' }, body: form(pngImage(8, 8)) });
    expect(evil.status).toBe(403);
    const anonymous = await t.app.request(`${BASE}/v1/me/profile_image`, { method: 'POST', headers: { origin: APP_ORIGIN, 'x-usher-bearer': '1' }, body: form(pngImage(8, 8)) });
    expect(anonymous.status).toBe(401);
  });
});

describe('DELETE /v1/me/profile_image', () => {
  it('goes back to the default avatar and deletes the file', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const url = (await upload(t, me, form(pngImage(32, 32)))).body.response.image_url as string;
    const removed = await call(t.app, 'DELETE', '/v1/me/profile_image', { token: me.token });
    expect(removed.body.response).toMatchObject({ has_image: false });
    expect(removed.body.response.image_url).toMatch(/\/v1\/avatars\//);
    expect((await t.app.request(url)).status).toBe(404);
  });
});
