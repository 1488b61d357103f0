/** A relying party registered at the test provider. */
export interface OidcClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Matched exactly (string equality), like oidc-provider does for "web" clients. */
  redirectUris: string[];
  /** How the client authenticates at the token endpoint. Default `client_secret_basic`. */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

/** An end-user of the test provider; `sub` is the account id typed into the login page. */
export interface OidcAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  name?: string;
  picture?: string;
}

export interface OidcProviderOptions {
  clients?: OidcClientRegistration[];
  accounts?: OidcAccount[];
  /**
   * Log in as this account without showing the login page (the browser just bounces through
   * the provider). Changeable later with `provider.setAutoLogin()`. Default: show the page.
   */
  autoLogin?: string | null;
  /**
   * `true` (oidc-provider's default, the OIDC Core behaviour for `response_type=code`): the ID
   * token carries `sub` and protocol claims only, profile/email claims come from userinfo.
   * `false`: the ID token also carries every claim the granted scopes allow (like Google).
   */
  conformIdTokenClaims?: boolean;
  /**
   * oidc-provider itself takes Basic and body credentials from any client with a secret. `true`
   * (default): a client must use its registered `tokenEndpointAuthMethod`, else `401 invalid_client`.
   */
  strictClientAuth?: boolean;
}

/** Claims of the ID token to replace; a key set to `undefined` removes that claim. */
export interface IdTokenClaimOverrides {
  [claim: string]: unknown;
  iss?: string;
  aud?: string | string[];
  sub?: string;
  nonce?: string;
  exp?: number;
  iat?: number;
  azp?: string;
  email?: string;
  email_verified?: boolean;
}

/** Ways the provider can misbehave; every switch stays on until `behave()`. */
export interface OidcMisbehaviour {
  /**
   * `'foreign-key'`: re-signed with another RSA key under the SAME `kid` (the signature fails
   * against the JWKS). `'unknown-kid'`: another key under a `kid` absent from the JWKS.
   */
  idTokenSignedBy?: 'foreign-key' | 'unknown-kid';
  /** Overrides applied to the ID token claims, then re-signed with the real key (unless `idTokenSignedBy`/`idTokenAlg`). */
  idTokenClaims?: IdTokenClaimOverrides;
  /** `'none'`: an unsecured JWT (`alg: none`, empty signature) with the same claims. */
  idTokenAlg?: 'none';
  /** Fields of the token endpoint's JSON body to replace (`undefined` removes, e.g. `{ id_token: undefined }`). */
  tokenResponse?: Record<string, unknown>;
  /** Fields of the userinfo JSON body to replace (`undefined` removes). */
  userinfo?: Record<string, unknown>;
}

export interface AuthorizeOptions {
  /** The account to log in as (must exist). Not needed, and ignored, while auto-login is on (the page never shows). */
  sub?: string;
  /** Press "Cancel" on the login page instead: the provider redirects with `error=access_denied`. */
  deny?: boolean;
}

export interface OidcProviderFixture {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly issuer: string;
  /** `${issuer}/.well-known/openid-configuration`. */
  readonly discoveryUrl: string;
  /** Endpoint URLs as announced in discovery. */
  readonly endpoints: {
    readonly authorization: string;
    readonly token: string;
    readonly userinfo: string;
    readonly jwks: string;
  };
  /** An absolute URL on the provider: `url('/jwks')`. */
  url(path: string): string;
  addClient(client: OidcClientRegistration): Promise<void>;
  addAccount(account: OidcAccount): void;
  /** Changes claims of an account; `undefined` values remove them. */
  updateAccount(sub: string, patch: Partial<Omit<OidcAccount, 'sub'>>): void;
  setAutoLogin(sub: string | null): void;
  /**
   * Plays the browser: GETs the authorization URL with its own cookie jar, logs in as `sub`
   * on the login page (consent is automatic) and returns the final redirect to the client
   * (`redirect_uri?code&state&iss`, or `?error&error_description&state&iss`) WITHOUT requesting it.
   * Throws when the provider answers with an error page instead (e.g. an unregistered redirect_uri).
   */
  authorize(authorizationUrl: string | URL, options?: AuthorizeOptions): Promise<URL>;
  /** Turns switches on (merged with those already on); they apply to every later token/userinfo answer. */
  misbehave(misbehaviour: OidcMisbehaviour): void;
  /** Turns every misbehaviour off. */
  behave(): void;
  close(): Promise<void>;
}
