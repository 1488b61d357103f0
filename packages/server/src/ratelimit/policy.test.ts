import { describe, expect, it } from 'vitest';
import { defaultRateLimits } from '../config/rate-limits.ts';
import { rateLimitChecks, type LimitedRequest } from './policy.ts';

const SIA = `sia_${'0'.repeat(36)}`;
const SUA = `sua_${'0'.repeat(36)}`;
const SESS = `sess_${'0'.repeat(36)}`;
const IDN = `idn_${'0'.repeat(36)}`;
const IP = '203.0.113.7';

function keys(method: string, path: string, body?: unknown): string[] {
  const request: LimitedRequest = { method, path, body, client: IP };
  return rateLimitChecks(request, defaultRateLimits()).map((check) => check.key);
}

describe('rateLimitChecks', () => {
  it('reads spend the read budget of the IP', () => {
    expect(keys('GET', '/v1/environment')).toEqual([`read:${IP}`]);
    expect(keys('GET', '/v1/client')).toEqual([`read:${IP}`]);
    expect(keys('HEAD', `/v1/client/sign_ins/${SIA}`)).toEqual([`read:${IP}`]);
  });

  it('token mints spend the read budget of the IP and the mint budget of the session', () => {
    expect(keys('POST', `/v1/client/sessions/${SESS}/tokens`)).toEqual([`read:${IP}`, `tokenMint:${SESS}`]);
    expect(keys('POST', `/v1/client/sessions/${SESS}/tokens/supabase`)).toEqual([`read:${IP}`, `tokenMint:${SESS}`]);
    expect(keys('POST', '/v1/client/sessions/sess_bogus/tokens')).toEqual([`read:${IP}`]);
  });

  it('every other mutation spends the mutation budget of the IP first', () => {
    expect(keys('PATCH', '/v1/me')).toEqual([`mutation:${IP}`]);
    expect(keys('DELETE', '/v1/client/sessions')).toEqual([`mutation:${IP}`]);
    expect(keys('POST', `/v1/client/sessions/${SESS}/end`)).toEqual([`mutation:${IP}`]);
  });

  it('creating a sign-in or a sign-up spends its creation budget', () => {
    expect(keys('POST', '/v1/client/sign_ins', { identifier: 'a@example.com' })).toEqual([`mutation:${IP}`, `signInCreate:${IP}`]);
    expect(keys('POST', '/v1/client/sign_ups', { email_address: 'a@example.com' })).toEqual([`mutation:${IP}`, `signUpCreate:${IP}`]);
  });

  it('a sign-in created with a password is also a guess; one created with email_code also sends a code', () => {
    expect(keys('POST', '/v1/client/sign_ins', { identifier: 'a@example.com', password: 'x' })).toEqual([`mutation:${IP}`, `signInCreate:${IP}`, `factorAttempt:${IP}`]);
    expect(keys('POST', '/v1/client/sign_ins', { identifier: 'a@example.com', strategy: 'password', password: 'x' })).toContain(`factorAttempt:${IP}`);
    expect(keys('POST', '/v1/client/sign_ins', { identifier: 'a@example.com', strategy: 'email_code' })).toEqual([`mutation:${IP}`, `signInCreate:${IP}`, `codeSend:${IP}`]);
    expect(keys('POST', '/v1/client/sign_ins', 'not an object')).toEqual([`mutation:${IP}`, `signInCreate:${IP}`]);
  });

  it('attempts spend the factor budget of the IP', () => {
    expect(keys('POST', `/v1/client/sign_ins/${SIA}/attempt_first_factor`)).toEqual([`mutation:${IP}`, `factorAttempt:${IP}`]);
    expect(keys('POST', `/v1/client/sign_ups/${SUA}/attempt_verification`)).toEqual([`mutation:${IP}`, `factorAttempt:${IP}`]);
    expect(keys('POST', `/v1/client/sessions/${SESS}/verify/attempt_first_factor`)).toEqual([`mutation:${IP}`, `factorAttempt:${IP}`]);
    expect(keys('POST', '/v1/me/change_password')).toEqual([`mutation:${IP}`, `factorAttempt:${IP}`]);
    expect(keys('POST', `/v1/me/email_addresses/${IDN}/attempt_verification`)).toEqual([`mutation:${IP}`, `factorAttempt:${IP}`]);
    expect(keys('POST', `/v1/client/sign_ins/${SIA}/attempt_second_factor`)).toEqual([`mutation:${IP}`, `factorAttempt:${IP}`]);
    expect(keys('POST', '/v1/me/totp/attempt_verification')).toEqual([`mutation:${IP}`, `factorAttempt:${IP}`]);
  });

  it("code sends spend the attempt's resend cooldown before the IP's code budget", () => {
    expect(keys('POST', `/v1/client/sign_ins/${SIA}/prepare_first_factor`)).toEqual([`mutation:${IP}`, `codeResend:${SIA}`, `codeSend:${IP}`]);
    expect(keys('POST', `/v1/client/sign_ins/${SIA}/prepare_second_factor`)).toEqual([`mutation:${IP}`, `codeResend:${SIA}`, `codeSend:${IP}`]);
    expect(keys('POST', `/v1/client/sign_ups/${SUA}/prepare_verification`)).toEqual([`mutation:${IP}`, `codeResend:${SUA}`, `codeSend:${IP}`]);
    expect(keys('POST', `/v1/client/sessions/${SESS}/verify/prepare_first_factor`)).toEqual([`mutation:${IP}`, `codeResend:${SESS}`, `codeSend:${IP}`]);
    expect(keys('POST', `/v1/me/email_addresses/${IDN}/prepare_verification`)).toEqual([`mutation:${IP}`, `codeResend:${IDN}`, `codeSend:${IP}`]);
  
  });

  it('a link cools down apart from a code of the same attempt (switching from one to the other is not a resend)', () => {
    expect(keys('POST', `/v1/client/sign_ups/${SUA}/prepare_verification`, { strategy: 'email_link' })).toEqual([`mutation:${IP}`, `codeResend:${SUA}:email_link`, `codeSend:${IP}`]);
    expect(keys('POST', `/v1/me/email_addresses/${IDN}/prepare_verification`, { strategy: 'email_link' })).toEqual([`mutation:${IP}`, `codeResend:${IDN}:email_link`, `codeSend:${IP}`]);
    expect(keys('POST', `/v1/client/sign_ins/${SIA}/prepare_first_factor`, { strategy: 'email_link' })).toEqual([`mutation:${IP}`, `codeResend:${SIA}:email_link`, `codeSend:${IP}`]);
  });

  it('a percent-encoded id is the id the route sees; a malformed one gets no cooldown bucket', () => {
    const encoded = `sua_%30${'0'.repeat(35)}`;
    expect(keys('POST', `/v1/client/sign_ups/${encoded}/prepare_verification`)).toContain(`codeResend:${SUA}`);
    expect(keys('POST', '/v1/client/sign_ups/sua_nope/prepare_verification')).toEqual([`mutation:${IP}`, `codeSend:${IP}`]);
    expect(keys('POST', `/v1/client/sign_ups/${SIA}/prepare_verification`)).toEqual([`mutation:${IP}`, `codeSend:${IP}`]);
  });

  it('rules carry the configured budget in milliseconds', () => {
    const [check] = rateLimitChecks({ method: 'GET', path: '/v1/client', body: undefined, client: IP }, defaultRateLimits());
    expect(check).toEqual({ name: 'read', key: `read:${IP}`, rule: { limit: 120, windowMs: 10_000 } });
  });

  it('a setting that makes no sense falls back to the default of that budget', () => {
    const limits = { ...defaultRateLimits(), read: { limit: 'many', windowSeconds: -1 } } as unknown as ReturnType<typeof defaultRateLimits>;
    const [check] = rateLimitChecks({ method: 'GET', path: '/v1/client', body: undefined, client: IP }, limits);
    expect(check?.rule).toEqual({ limit: 120, windowMs: 10_000 });
  });
});
