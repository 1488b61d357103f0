/** Claims of the 60-second session token. */
export interface SessionTokenClaims {
  iss: string;
  sub: string;
  sid: string;
  /** The origin the token was minted for. */
  azp?: string;
  iat: number;
  nbf: number;
  exp: number;
  /** Minutes since the first and second factor were verified (-1: never). */
  fva: [number, number];
  org_id?: string;
  org_role?: string;
  org_slug?: string;
  org_permissions?: string[];
  [custom: string]: unknown;
}

/** Lifetime of a session token, in seconds. */
export const SESSION_TOKEN_LIFETIME_SECONDS = 60;

/** The longest lifetime a JWT template may give its tokens (24 h), in seconds. */
export const MAX_JWT_TEMPLATE_LIFETIME_SECONDS = 86_400;
