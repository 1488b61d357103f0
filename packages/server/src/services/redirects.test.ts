import { describe, expect, it } from 'vitest';
import { isAllowedRedirectUrl } from './redirects.ts';

const allowed = ['https://app.com', 'http://localhost:3000'];

describe('the redirect allow-list', () => {
  it.each(['/', '/dashboard', '/a/b?c=d&e=%2F#frag', '/%E3%80%82', 'https://app.com', 'https://app.com/', 'https://app.com/after?x=1', 'https://APP.com/x', 'http://localhost:3000/cb'])(
    'accepts %s',
    (url) => {
      expect(isAllowedRedirectUrl(url, allowed)).toBe(true);
    },
  );

  it.each([
    ['protocol-relative', '//evil.com'],
    ['protocol-relative with path', '//evil.com/app.com'],
    ['backslash after slash', '/\\evil.com'],
    ['backslash anywhere', '/path\\evil'],
    ['scheme without slashes', 'https:evil.com'],
    ['scheme with one slash', 'https:/evil.com'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript upper case', 'JaVaScRiPt:alert(1)'],
    ['data', 'data:text/html,x'],
    ['credentials', 'https://app.com@evil.com'],
    ['credentials with path', 'https://app.com@evil.com/app.com'],
    ['bare host with credentials', 'app.com@evil.com'],
    ['query look-alike', 'evil.com?.app.com'],
    ['foreign origin', 'https://evil.com/'],
    ['suffix attack', 'https://app.com.evil.com/'],
    ['other scheme of allowed host', 'ftp://app.com/'],
    ['wrong port', 'https://app.com:8443/'],
    ['http instead of https', 'http://app.com/'],
    ['CR LF', '/ok\r\nLocation: https://evil.com'],
    ['LF', '/ok\nx'],
    ['tab', '/\t/evil.com'],
    ['leading space', ' /ok'],
    ['ideographic full stop U+3002', 'https://app。com/'],
    ['fullwidth full stop U+FF0E', 'https://app．com/'],
    ['look-alike dot in a path', '/evil．com'],
    ['relative without slash', 'dashboard'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(2048)}`],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedRedirectUrl(url, allowed)).toBe(false);
  });
});
