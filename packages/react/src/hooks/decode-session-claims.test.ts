import { describe, expect, it } from 'vitest';
import { decodeSessionClaims } from './decode-session-claims.ts';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) => `${encode({ alg: 'ES256' })}.${encode(payload)}.signature`;

describe('decodeSessionClaims', () => {
  it('reads the payload of a session token, including non-ASCII text', () => {
    const claims = decodeSessionClaims(jwt({ sub: 'user_1', sid: 'sess_1', iat: 1, exp: 61, org_slug: 'café-münchen' }));
    expect(claims).toMatchObject({ sub: 'user_1', sid: 'sess_1', org_slug: 'café-münchen' });
  });

  it('answers null for anything that is not a session token', () => {
    expect(decodeSessionClaims('not-a-jwt')).toBeNull();
    expect(decodeSessionClaims('a.b')).toBeNull();
    expect(decodeSessionClaims('a.%%%.c')).toBeNull();
    expect(decodeSessionClaims(jwt([1, 2]))).toBeNull();
    expect(decodeSessionClaims(jwt({ sub: 'user_1', iat: 1, exp: 61 }))).toBeNull();
    expect(decodeSessionClaims(jwt({ sub: 'user_1', sid: 'sess_1', iat: '1', exp: 61 }))).toBeNull();
  });
});
