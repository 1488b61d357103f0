import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsherAPIError, UsherOfflineError } from '../errors.ts';
import { systemTimers } from '../internal/timers.ts';
import { ClockSkew } from '../transport/clock-skew.ts';
import type { TokenKey } from './token-key.ts';
import { TokenManager, type TokenManagerOptions } from './token-manager.ts';

// Unit specs of the cache and its timing, with a mint function instead of HTTP. The same
// behaviours are checked end-to-end against the real server in usher.tokens.test.ts.

function fakeJwt(iatSeconds: number, lifetime = 60): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${b64({ alg: 'ES256' })}.${b64({ sub: 'user_1', sid: 'sess_1', iat: iatSeconds, exp: iatSeconds + lifetime })}.sig`;
}

const key: TokenKey = { sessionId: 'sess_1', template: null, organizationId: null };
const offline = () => new UsherOfflineError();
const apiError = (status: number, code: 'internal_error' | 'too_many_requests' | 'session_not_found', retryAfter: number | null = null) =>
  new UsherAPIError({ status, errors: [{ code, message: code, longMessage: code, meta: {} }], retryAfter });

function manager(overrides: Partial<TokenManagerOptions> = {}) {
  const mint = vi.fn(async () => fakeJwt(Math.floor(Date.now() / 1000)));
  const onSessionGone = vi.fn();
  const tokens = new TokenManager({
    mint,
    clock: { now: () => Date.now() },
    random: () => 0.5,
    timers: systemTimers,
    skew: new ClockSkew(),
    withLock: (_name, fn) => fn(),
    share: () => undefined,
    onSessionGone,
    onToken: () => undefined,
    ...overrides,
  });
  return { tokens, mint: (overrides.mint as typeof mint | undefined) ?? mint, onSessionGone };
}

describe('TokenManager', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ten concurrent getToken() calls share one mint', async () => {
    const { tokens, mint } = manager();
    const results = await Promise.all(Array.from({ length: 10 }, () => tokens.getToken(key)));
    expect(mint).toHaveBeenCalledTimes(1);
    expect(new Set(results).size).toBe(1);
  });

  it('serves the cached token while more than 5 s are left, then mints again', async () => {
    const { tokens, mint } = manager();
    const first = await tokens.getToken(key);
    await vi.advanceTimersByTimeAsync(54_000);
    expect(await tokens.getToken(key)).toBe(first);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await tokens.getToken(key)).not.toBe(first);
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it('keeps the refresh target fresh in the background: about one mint per lifetime while idle', async () => {
    const { tokens, mint } = manager();
    tokens.setRefreshTarget(key);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    // 60 s tokens refreshed 15 s (+ ≤2 s jitter) before expiry: one mint every ~44 s.
    expect(mint.mock.calls.length).toBeGreaterThanOrEqual(13);
    expect(mint.mock.calls.length).toBeLessThanOrEqual(15);
    const cached = tokens.peek(key);
    expect(cached!.expiresAt - Date.now()).toBeGreaterThan(10_000);
  });

  it('a network storm backs off: requests thin out to the cap, no sign-out, a typed error', async () => {
    const calls: number[] = [];
    const mint = vi.fn(async (): Promise<string> => {
      calls.push(Date.now());
      throw offline();
    });
    const { tokens, onSessionGone } = manager({ mint });
    tokens.setRefreshTarget(key);
    // The app keeps asking every second for ten minutes.
    for (let i = 0; i < 600; i++) {
      await tokens.getToken(key).catch((e: unknown) => expect(e).toBeInstanceOf(UsherOfflineError));
      await vi.advanceTimersByTimeAsync(1000);
    }
    const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
    // With random() = 0.5 the ceilings 3 s ×1.5… give gaps 1.5 s, 2.25 s, … up to half the 50 s cap.
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(Math.min(gaps[i - 1]!, 25_000) - 1000);
    expect(Math.max(...gaps.slice(-5))).toBeLessThanOrEqual(26_000);
    expect(calls.length).toBeLessThanOrEqual(35);
    expect(onSessionGone).not.toHaveBeenCalled();
  });

  it('honours Retry-After: no request before it has passed', async () => {
    const mint = vi.fn(async (): Promise<string> => {
      throw apiError(429, 'too_many_requests', 30);
    });
    const { tokens } = manager({ mint });
    await expect(tokens.getToken(key)).rejects.toMatchObject({ status: 429 });
    await vi.advanceTimersByTimeAsync(29_000);
    await expect(tokens.getToken(key)).rejects.toMatchObject({ status: 429 });
    expect(mint).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(tokens.getToken(key)).rejects.toMatchObject({ status: 429 });
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it('during a 5xx storm a still-valid token keeps being served', async () => {
    let fail = false;
    const mint = vi.fn(async () => {
      if (fail) throw apiError(503, 'internal_error');
      return fakeJwt(Math.floor(Date.now() / 1000));
    });
    const { tokens, onSessionGone } = manager({ mint });
    const token = await tokens.getToken(key);
    fail = true;
    await vi.advanceTimersByTimeAsync(57_000);
    expect(await tokens.getToken(key)).toBe(token);
    expect(onSessionGone).not.toHaveBeenCalled();
  });

  it('an authoritative session_not_found ends the session and empties its cache', async () => {
    let gone = false;
    const mint = vi.fn(async () => {
      if (gone) throw apiError(404, 'session_not_found');
      return fakeJwt(Math.floor(Date.now() / 1000));
    });
    const { tokens, onSessionGone } = manager({ mint });
    await tokens.getToken(key);
    gone = true;
    await expect(tokens.getToken(key, { skipCache: true })).rejects.toMatchObject({ status: 404 });
    expect(onSessionGone).toHaveBeenCalledWith('sess_1');
    expect(tokens.peek(key)).toBeNull();
  });

  it('a token received from another tab replaces an older one and postpones our refresh', async () => {
    const { tokens, mint } = manager();
    tokens.setRefreshTarget(key);
    await vi.advanceTimersByTimeAsync(10);
    expect(mint).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(40_000);
    tokens.receive(key, fakeJwt(Math.floor(Date.now() / 1000)));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it('clearSession stops the timers: nothing is minted afterwards', async () => {
    const { tokens, mint } = manager();
    tokens.setRefreshTarget(key);
    await vi.advanceTimersByTimeAsync(10);
    tokens.clearSession('sess_1');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(mint).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('learns clock skew from iat: a client clock 5 minutes behind still serves the token as fresh', async () => {
    const skew = new ClockSkew();
    const mint = vi.fn(async () => fakeJwt(Math.floor(Date.now() / 1000) + 300));
    const { tokens } = manager({ mint, skew });
    const token = await tokens.getToken(key);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await tokens.getToken(key)).toBe(token);
    expect(mint).toHaveBeenCalledTimes(1);
    expect(skew.ms).toBeGreaterThan(298_000);
  });
});
