import type { SessionTokenClaims } from '@usher/protocol';
import { TokenVerificationError } from '../errors.ts';

export type IssuerMatcher = string | readonly string[] | ((iss: string) => boolean);

export interface ClaimRules {
  issuer: IssuerMatcher;
  authorizedParties: readonly string[] | undefined;
  clockSkewInMs: number;
  now: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const numericDate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function invalid(message: string): TokenVerificationError {
  return new TokenVerificationError('token-invalid', message);
}

function issuerMatches(issuer: IssuerMatcher, iss: string): boolean {
  if (typeof issuer === 'string') return iss === issuer;
  if (typeof issuer === 'function') return issuer(iss) === true;
  return issuer.includes(iss);
}

/**
 * Checks the claims of a token whose signature has already been verified: first their shape,
 * then issuer, authorized party, and time (exp, nbf, iat, in that order, each with the skew).
 */
export function assertSessionTokenClaims(payload: unknown, rules: ClaimRules): SessionTokenClaims {
  if (!isRecord(payload)) throw invalid('The token payload is not a JSON object.');
  const { iss, sub, sid, azp, exp, nbf, iat, fva } = payload;
  if (typeof iss !== 'string') throw invalid('The token has no iss claim.');
  if (!nonEmptyString(sub)) throw invalid('The token has no sub claim.');
  if (!nonEmptyString(sid)) throw invalid('The token has no sid claim.');
  if (!numericDate(exp) || !numericDate(nbf) || !numericDate(iat)) throw invalid('The token lacks a numeric exp, nbf or iat claim.');
  if (azp !== undefined && typeof azp !== 'string') throw invalid('The azp claim of the token is not a string.');
  if (!Array.isArray(fva) || fva.length !== 2 || !fva.every((n) => typeof n === 'number')) throw invalid('The fva claim of the token is not a pair of numbers.');

  if (!issuerMatches(rules.issuer, iss)) throw new TokenVerificationError('token-invalid-issuer', 'The token was issued by another issuer.');
  if (rules.authorizedParties && (azp === undefined || !rules.authorizedParties.includes(azp))) {
    throw new TokenVerificationError('token-invalid-authorized-parties', 'The azp claim of the token is missing or not an authorized party.');
  }

  const { now, clockSkewInMs: skew } = rules;
  if (now - skew >= exp * 1000) throw new TokenVerificationError('token-expired', 'The token has expired.');
  if (now + skew < nbf * 1000) throw new TokenVerificationError('token-not-active-yet', 'The token is not valid yet (nbf).');
  if (now + skew < iat * 1000) throw new TokenVerificationError('token-iat-in-the-future', 'The token was issued in the future (iat).');
  return payload as SessionTokenClaims;
}
