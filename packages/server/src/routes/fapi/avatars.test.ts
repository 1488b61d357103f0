import { describe, expect, it } from 'vitest';
import { BASE, PUBLIC_URL, call, createTestApp, signUp, type TestApp } from '../test-support.ts';

/** The avatar answers SVG, not JSON: read it as text. `path` may also be a whole URL. */
async function fetchAvatar(t: TestApp, path: string, init?: RequestInit) {
  const res = await t.app.request(path.startsWith('http') ? path : `${BASE}${path}`, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('GET /v1/avatars/{seed}.svg?variant=marble', () => {
  it('draws the same marble for the same seed, byte for byte, and another for another seed', async () => {
    const t = createTestApp();
    const first = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=marble');
    const again = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=marble');
    const other = await fetchAvatar(t, '/v1/avatars/user_xyz.svg?variant=marble');
    expect(first.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(other.status).toBe(200);
    expect(other.text).not.toBe(first.text);
    // A fresh app (another server instance) draws the same bytes too.
    expect((await fetchAvatar(createTestApp(), '/v1/avatars/user_abc.svg?variant=marble')).text).toBe(first.text);
  });

  it('is an accessible, size-independent SVG image', async () => {
    const t = createTestApp();
    const { text } = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=marble');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" role="img" aria-label="Avatar">')).toBe(true);
    expect(text).toContain('<title>Avatar</title>');
    expect(text).not.toMatch(/<script|on[a-z]+=|href=/i);
    // The outer SVG has a viewBox and no fixed width or height.
    expect(text.slice(0, text.indexOf('>'))).not.toMatch(/ (width|height)=/);
  });

  it('draws a marble when no variant is given', async () => {
    const t = createTestApp();
    const plain = await fetchAvatar(t, '/v1/avatars/user_abc.svg');
    expect(plain.status).toBe(200);
    expect(plain.text).toBe((await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=marble')).text);
  });

  it('answers image headers: SVG type, cached for a year, no script, no sniffing, no cookie', async () => {
    const t = createTestApp();
    const res = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=marble', { headers: { cookie: '__client=whatever' } });
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers HEAD like GET, without a body', async () => {
    const t = createTestApp();
    const res = await fetchAvatar(t, '/v1/avatars/user_abc.svg', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.text).toBe('');
  });

  it('needs no origin: an <img> on any site, an email or a backend may load it', async () => {
    const t = createTestApp();
    const res = await fetchAvatar(t, '/v1/avatars/user_abc.svg', { headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a character outside [A-Za-z0-9_-]', '/v1/avatars/user.abc.svg'],
    ['markup', `/v1/avatars/${encodeURIComponent('<script>alert(1)</script>')}.svg`],
    ['a slash', `/v1/avatars/${encodeURIComponent('a/b')}.svg`],
    ['an empty seed', '/v1/avatars/.svg'],
    ['more than 128 characters', `/v1/avatars/${'a'.repeat(129)}.svg`],
  ])('a seed with %s is 422 form_param_format_invalid', async (_, path) => {
    const t = createTestApp();
    const res = await fetchAvatar(t, path);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(res.text).errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'seed' } });
  });

  it('a seed of 128 characters is fine', async () => {
    const t = createTestApp();
    expect((await fetchAvatar(t, `/v1/avatars/${'a'.repeat(128)}.svg`)).status).toBe(200);
  });

  it('an unknown variant is 422; a path without .svg is 404', async () => {
    const t = createTestApp();
    const bad = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=beam');
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'variant' } });
    expect((await fetchAvatar(t, '/v1/avatars/user_abc.png')).status).toBe(404);
  });

  it('spends the IP read budget like other reads: over it, 429', async () => {
    const t = createTestApp({ rateLimits: 'default' });
    const limit = t.config.rateLimits.read.limit;
    for (let i = 0; i < limit - 1; i++) expect((await fetchAvatar(t, `/v1/avatars/user_${i}.svg`)).status).toBe(200);
    expect((await call(t.app, 'GET', '/v1/environment')).status).toBe(200);
    const refused = await fetchAvatar(t, '/v1/avatars/user_abc.svg');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.text).errors[0].code).toBe('too_many_requests');
    expect(refused.headers.get('retry-after')).not.toBeNull();
  });
});

describe('GET /v1/avatars/{seed}.svg?variant=initials', () => {
  it('draws the initials on a circle, with an accessible name', async () => {
    const t = createTestApp();
    const res = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=initials&initials=AL');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 80 80" role="img" aria-label="Avatar \(AL\)">/);
    expect(res.text).toContain('<title>Avatar (AL)</title>');
    expect(res.text).toContain('<circle ');
    expect(res.text).toMatch(/<text [^>]*font-family="system-ui[^"]*"[^>]*>AL<\/text>/);
  });

  it('draws any two Unicode letters, percent-encoded in the URL', async () => {
    const t = createTestApp();
    const res = await fetchAvatar(t, `/v1/avatars/user_abc.svg?variant=initials&initials=${encodeURIComponent('ÉŻ')}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('>ÉŻ</text>');
    const one = await fetchAvatar(t, `/v1/avatars/user_abc.svg?variant=initials&initials=${encodeURIComponent('太')}`);
    expect(one.text).toContain('>太</text>');
  });

  it('keeps the colour of the seed when the initials change', async () => {
    const t = createTestApp();
    const fill = (svg: string) => /<circle [^>]*fill="(#[0-9A-F]{6})"/.exec(svg)?.[1];
    const al = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=initials&initials=AL');
    const jd = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=initials&initials=JD');
    expect(fill(al.text)).toBeDefined();
    expect(fill(jd.text)).toBe(fill(al.text));
  });

  it.each([['<script>'], ['<b'], ['"x'], ['A&B'], ['ABC'], ['A1'], ['A B'], [''], ['😀']])('initials %j are 422 form_param_format_invalid', async (initials) => {
    const t = createTestApp();
    const res = await fetchAvatar(t, `/v1/avatars/user_abc.svg?variant=initials&initials=${encodeURIComponent(initials)}`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const error = JSON.parse(res.text).errors[0];
    expect(error).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'initials' } });
    // The refused value is not echoed back.
    if (initials !== '') expect(res.text).not.toContain(initials);
  });

  it('initials without them is 422 form_param_missing; a repeated parameter is 422', async () => {
    const t = createTestApp();
    const missing = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=initials');
    expect(missing.status).toBe(422);
    expect(JSON.parse(missing.text).errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'initials' } });
    const twice = await fetchAvatar(t, '/v1/avatars/user_abc.svg?variant=initials&initials=AL&initials=JD');
    expect(twice.status).toBe(422);
    expect(JSON.parse(twice.text).errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'initials' } });
  });
});

describe('image_url of a user without an image', () => {
  it('is the marble at the public URL, and fetching it answers the SVG', async () => {
    const t = createTestApp();
    const jane = await signUp(t, 'jane@example.com');
    const me = await call(t.app, 'GET', '/v1/me', { token: jane.token });
    expect(me.body.response.has_image).toBe(false);
    expect(me.body.response.image_url).toBe(`${PUBLIC_URL}/v1/avatars/${jane.userId}.svg?variant=marble`);
    expect(me.body.client.sessions[0].user.image_url).toBe(me.body.response.image_url);
    const image = await fetchAvatar(t, me.body.response.image_url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(image.text).toContain('<svg');
  });

  it('is built from the configured public URL, not from the request', async () => {
    const t = createTestApp({ server: { publicUrl: 'https://auth.example.com/__usher/' } });
    const jane = await signUp(t, 'jane@example.com');
    const me = await call(t.app, 'GET', '/v1/me', { token: jane.token, headers: { 'x-forwarded-host': 'evil.example' } });
    expect(me.body.response.image_url).toBe(`https://auth.example.com/__usher/v1/avatars/${jane.userId}.svg?variant=marble`);
  });

  it('with default avatar "initials": the initials of the name, which follow a change of first name', async () => {
    const t = createTestApp({ instance: (c) => void (c.branding.defaultAvatar = 'initials') });
    const jane = await signUp(t, 'jane.doe@example.com');
    const before = await call(t.app, 'GET', '/v1/me', { token: jane.token });
    // No name yet: the email address's local part.
    expect(before.body.response.image_url).toBe(`${PUBLIC_URL}/v1/avatars/${jane.userId}.svg?variant=initials&initials=JD`);
    const named = await call(t.app, 'PATCH', '/v1/me', { token: jane.token, body: { first_name: 'Ada', last_name: 'Lovelace' } });
    expect(named.body.response.image_url).toBe(`${PUBLIC_URL}/v1/avatars/${jane.userId}.svg?variant=initials&initials=AL`);
    const renamed = await call(t.app, 'PATCH', '/v1/me', { token: jane.token, body: { first_name: 'Émilie' } });
    expect(renamed.body.response.image_url).toBe(`${PUBLIC_URL}/v1/avatars/${jane.userId}.svg?variant=initials&initials=${encodeURIComponent('ÉL')}`);
    expect(renamed.body.response.has_image).toBe(false);
    const image = await fetchAvatar(t, renamed.body.response.image_url);
    expect(image.status).toBe(200);
    expect(image.text).toContain('>ÉL</text>');
  });

  it('with default avatar "initials" but no letter to take them from: the marble', async () => {
    const t = createTestApp({ instance: (c) => void (c.branding.defaultAvatar = 'initials') });
    const user = await signUp(t, '1234@example.com');
    const me = await call(t.app, 'GET', '/v1/me', { token: user.token });
    expect(me.body.response.image_url).toBe(`${PUBLIC_URL}/v1/avatars/${user.userId}.svg?variant=marble`);
  });

  it("is the same in a sign-in's user_data", async () => {
    const t = createTestApp({
      instance: (c) => {
        c.branding.defaultAvatar = 'initials';
        c.enumerationProtection = false;
      },
    });
    const jane = await signUp(t, 'jane.doe@example.com');
    const me = await call(t.app, 'GET', '/v1/me', { token: jane.token });
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane.doe@example.com' } });
    expect(started.body.response.user_data).toEqual({ first_name: null, last_name: null, image_url: me.body.response.image_url, has_image: false });
  });
});
