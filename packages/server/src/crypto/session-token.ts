import { SignJWT } from 'jose';
import { SESSION_TOKEN_LIFETIME_SECONDS, type SessionTokenClaims } from '@usher/protocol';
import type { ActiveSigningKey } from './signing-keys.ts';

export interface SessionTokenInput {
  issuer: string;
  userId: string;
  sessionId: string;
  /** The allowed Origin the request came from; omitted for native clients. */
  authorizedParty: string | undefined;
  nowMs: number;
  factorVerificationAge: [number, number];
}

/** The claims of a 60-second session token, without the signature. */
export function sessionTokenClaims(input: SessionTokenInput): SessionTokenClaims {
  const iat = Math.floor(input.nowMs / 1000);
  const claims: SessionTokenClaims = {
    iss: input.issuer,
    sub: input.userId,
    sid: input.sessionId,
    iat,
    nbf: iat,
    exp: iat + SESSION_TOKEN_LIFETIME_SECONDS,
    fva: input.factorVerificationAge,
  };
  if (input.authorizedParty !== undefined) claims.azp = input.authorizedParty;
  return claims;
}

export async function signSessionToken(key: ActiveSigningKey, claims: SessionTokenClaims): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}
