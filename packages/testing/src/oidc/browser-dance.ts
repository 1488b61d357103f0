import { CookieJar } from '../cookie-jar.ts';

/** A provider page that answered neither with a redirect nor with the login page. */
export class AuthorizeError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    const error = /data-error="([^"]*)"/.exec(body)?.[1];
    const description = /<span data-error-description>([^<]*)</.exec(body)?.[1];
    super(`authorize: ${url} answered ${status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}`);
    this.name = 'AuthorizeError';
  }
}

export interface BrowserDanceInput<O> {
  /** Origin of the server the dance may request; the first URL elsewhere is the result. */
  readonly origin: string;
  /** Paths on `origin` that belong to the flow (anything else there is the client's redirect). */
  readonly isFlowPath: (pathname: string) => boolean;
  /** What submitting the page's form means: where it posts, with which fields. */
  readonly formAction: (pageUrl: URL, options: O) => { url: URL; body: URLSearchParams };
}

const maxSteps = 20;

/**
 * Follows redirects like a browser (own cookie jar, `redirect: 'manual'`), submits the login form
 * once when a page (HTTP 200) is shown, and returns the first URL that leaves the flow: the
 * client's redirect URI with `code`/`error`. That last URL is never requested.
 */
export async function browserDance<O>(input: BrowserDanceInput<O>, start: string | URL, options: O): Promise<URL> {
  const jar = new CookieJar(Date.now);
  let url = new URL(start);
  let pending: { method: 'POST'; body: URLSearchParams } | null = null;
  let submitted = false;

  for (let step = 0; step < maxSteps; step++) {
    if (url.origin !== input.origin || !input.isFlowPath(url.pathname)) return url;
    const headers = new Headers();
    const cookie = jar.header();
    if (cookie) headers.set('cookie', cookie);
    if (pending) headers.set('content-type', 'application/x-www-form-urlencoded');
    const res = await fetch(url, { method: pending?.method ?? 'GET', headers, body: pending?.body, redirect: 'manual' });
    pending = null;
    jar.store(res.headers.getSetCookie());

    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      // Read, not cancelled: under msw/node (the request passed through) a cancel never settles.
      await res.arrayBuffer();
      url = new URL(location, url);
      continue;
    }
    const body = await res.text();
    if (res.status === 200 && !submitted) {
      submitted = true;
      const form = input.formAction(url, options);
      url = form.url;
      pending = { method: 'POST', body: form.body };
      continue;
    }
    throw new AuthorizeError(res.status, url.href, body);
  }
  throw new Error(`authorize: more than ${maxSteps} steps without reaching the client`);
}
