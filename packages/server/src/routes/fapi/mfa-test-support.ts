/**
 * Helpers for the second-factor suites: an authenticator app the test drives from the secret the
 * API handed out (codes computed with the RFC 6238 code checked against the RFC's vectors), and
 * the sign-in steps up to the second factor.
 */
import { expect } from 'vitest';
import { fromBase32, totpCode, totpStep } from '../../crypto/totp.ts';
import { call, createTestApp, signUp, type SignedUp, type TestApp, type TestAppOptions } from '../test-support.ts';

export const EMAIL = 'jane@example.com';
export const PASSWORD = 'correct horse battery';
export const MINUTE = 60_000;
export const STEP_MS = 30_000;

export interface Authenticator {
  secret: Uint8Array;
  /** The code the app shows now (or `offsetSteps` steps away). */
  code(offsetSteps?: number): Promise<string>;
}

/** The test app with the clock at the start of a 30-second step, so "now" and "+1 step" are exact. */
export function mfaApp(options: TestAppOptions = {}): TestApp {
  const t = createTestApp(options);
  t.clock.advance(STEP_MS - (t.clock.now() % STEP_MS));
  return t;
}

export function authenticatorOf(t: TestApp, base32: string): Authenticator {
  const secret = fromBase32(base32);
  if (!secret) throw new Error(`not base32: ${base32}`);
  return { secret, code: (offsetSteps = 0) => totpCode(secret, totpStep(t.clock.now()) + offsetSteps) };
}

/** Sets up an authenticator app through the API and answers it with the backup codes it came with. */
export async function givenTotp(t: TestApp, me: SignedUp): Promise<{ app: Authenticator; backupCodes: string[] }> {
  const started = await call(t.app, 'POST', '/v1/me/totp', { token: me.token, body: {} });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const app = authenticatorOf(t, started.body.response.secret);
  const done = await call(t.app, 'POST', '/v1/me/totp/attempt_verification', { token: me.token, body: { code: await app.code() } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  // The enabling code is spent: the next sign-in needs the next step's code.
  t.clock.advance(STEP_MS);
  return { app, backupCodes: done.body.response.backup_codes ?? [] };
}

/** A user with an authenticator app, signed up on a device of their own. */
export async function givenMfaUser(t: TestApp, email = EMAIL): Promise<{ me: SignedUp; app: Authenticator; backupCodes: string[] }> {
  const me = await signUp(t, email, PASSWORD);
  return { me, ...(await givenTotp(t, me)) };
}

export interface SignInAttempt {
  id: string;
  token: string;
}

/** A new device signs in with the password: for an MFA user the answer is needs_second_factor. */
export async function passwordSignIn(t: TestApp, email = EMAIL, password = PASSWORD) {
  const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: email, strategy: 'password', password } });
  return { res, attempt: { id: res.body?.response?.id as string, token: res.token as string } satisfies SignInAttempt };
}

export const secondFactor = (t: TestApp, s: SignInAttempt, strategy: 'totp' | 'phone_code' | 'backup_code', code: string) =>
  call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_second_factor`, { token: s.token, body: { strategy, code } });

export const errorOf = (res: { body: { errors?: Array<{ code: string }> } }) => res.body.errors?.[0]?.code;
