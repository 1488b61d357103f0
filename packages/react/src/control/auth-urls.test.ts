import type { Environment } from '@usher/core';
import { describe, expect, it } from 'vitest';
import { afterSignOutUrl, authPageUrl, isNavigableUrl } from './auth-urls.ts';

const page = { href: 'https://app.com/orders/7?tab=items', origin: 'https://app.com' };
const environment = { displayConfig: { signInUrl: '/login', signUpUrl: 'https://accounts.app.com/join', afterSignOutUrl: '/bye' } } as Environment;

describe('the sign-in/sign-up page URL', () => {
  it('is the environment page with redirect_url set to the current page, relative when configured relative', () => {
    expect(authPageUrl({ page: 'signIn' }, environment, page)).toBe('/login?redirect_url=https%3A%2F%2Fapp.com%2Forders%2F7%3Ftab%3Ditems');
  });

  it('stays absolute for a page on another origin (an accounts subdomain)', () => {
    expect(authPageUrl({ page: 'signUp' }, environment, page)).toBe('https://accounts.app.com/join?redirect_url=https%3A%2F%2Fapp.com%2Forders%2F7%3Ftab%3Ditems');
  });

  it('falls back to /sign-in and /sign-up without an environment, and when its URL is unusable', () => {
    expect(authPageUrl({ page: 'signIn', redirectUrl: '/x' }, null, page)).toBe('/sign-in?redirect_url=%2Fx');
    const broken = { displayConfig: { signInUrl: 'javascript:alert(1)', signUpUrl: '//evil.com', afterSignOutUrl: '' } } as Environment;
    expect(authPageUrl({ page: 'signIn', redirectUrl: '/x' }, broken, page)).toBe('/sign-in?redirect_url=%2Fx');
    expect(authPageUrl({ page: 'signUp', redirectUrl: '/x' }, broken, page)).toBe('/sign-up?redirect_url=%2Fx');
  });

  it('keeps the query and hash of the configured page', () => {
    expect(authPageUrl({ page: 'signIn', url: '/login?lang=fr#top', redirectUrl: '/x' }, environment, page)).toBe('/login?lang=fr&redirect_url=%2Fx#top');
  });

  it.each(['//evil.com', '/\\evil.com', 'https:evil.com', 'javascript:alert(1)', 'https://app.com@evil.com', 'evil.com?.app.com', 'https://evil.com/', '/ok\r\nx', 'https://app。com/'])(
    'drops the redirect target %s and comes back to the current page instead',
    (target) => {
      const url = authPageUrl({ page: 'signIn', redirectUrl: target, forceRedirectUrl: target, fallbackRedirectUrl: target }, environment, page);
      expect(url).toBe('/login?redirect_url=https%3A%2F%2Fapp.com%2Forders%2F7%3Ftab%3Ditems');
    },
  );

  it('refuses a signInUrl prop that is not a page URL, naming the prop', () => {
    expect(() => authPageUrl({ page: 'signIn', url: 'javascript:alert(1)' }, environment, page)).toThrow(/`signInUrl`/);
    expect(() => authPageUrl({ page: 'signUp', url: '//evil.com' }, environment, page)).toThrow(TypeError);
  });
});

describe('the page after sign-out', () => {
  it('is redirectUrl when allowed, else the environment page, else /', () => {
    expect(afterSignOutUrl('/goodbye', environment, page)).toBe('/goodbye');
    expect(afterSignOutUrl('https://app.com/goodbye', environment, page)).toBe('https://app.com/goodbye');
    expect(afterSignOutUrl('//evil.com', environment, page)).toBe('/bye');
    expect(afterSignOutUrl(undefined, null, page)).toBe('/');
  });
});

describe('a configured page URL', () => {
  it('is a path or an http(s) URL on any origin, never a protocol-relative or script URL', () => {
    expect(isNavigableUrl('/sign-in', page)).toBe(true);
    expect(isNavigableUrl('https://accounts.example.com/sign-in', page)).toBe(true);
    expect(isNavigableUrl('//accounts.example.com/sign-in', page)).toBe(false);
    expect(isNavigableUrl('javascript:alert(1)', page)).toBe(false);
    expect(isNavigableUrl('https://user:pw@accounts.example.com/', page)).toBe(false);
    expect(isNavigableUrl('sign-in', page)).toBe(false);
  });
});
