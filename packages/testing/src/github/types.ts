/** One address of a user, as `GET /user/emails` lists it. */
export interface FakeGitHubEmail {
  email: string;
  primary?: boolean;
  verified?: boolean;
  /** Default: `'private'` for the primary address, `null` for others (like GitHub). */
  visibility?: 'public' | 'private' | null;
}

export interface FakeGitHubUser {
  /** GitHub's numeric user id (the stable identifier; logins can change). */
  id: number;
  login: string;
  name?: string | null;
  avatar_url?: string;
  /**
   * The public email `GET /user` shows. Default: the primary address when its visibility is
   * `'public'`, else null.
   */
  email?: string | null;
  emails?: FakeGitHubEmail[];
}

/** An OAuth app. */
export interface FakeGitHubClient {
  clientId: string;
  clientSecret: string;
  /** Matched exactly. The first one is where GitHub sends `redirect_uri_mismatch` errors. */
  redirectUris: string[];
}

export interface FakeGitHubOptions {
  clients?: FakeGitHubClient[];
  users?: FakeGitHubUser[];
  /** Approve every authorization as this login without showing the page. Default: show the page. */
  autoApprove?: string | null;
  /** Require `code_challenge` + `code_challenge_method=S256` on authorize. Default true. */
  requirePkce?: boolean;
  /** Clock for code expiry (codes live 10 minutes). Default `Date.now`. */
  now?: () => number;
}

export interface GitHubAuthorizeOptions {
  /** The user that presses "Sign in as <login>". Not needed with auto-approve. */
  login?: string;
  /** Press "Cancel": GitHub redirects with `error=access_denied`. */
  deny?: boolean;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: stands for both github.com and api.github.com. */
  readonly url: string;
  /** `${url}/login/oauth/authorize` (github.com/login/oauth/authorize). */
  readonly authorizeUrl: string;
  /** `${url}/login/oauth/access_token` (github.com/login/oauth/access_token). */
  readonly tokenUrl: string;
  /** `${url}/api`: stands for https://api.github.com, so `${apiUrl}/user`, `${apiUrl}/user/emails`. */
  readonly apiUrl: string;
  addUser(user: FakeGitHubUser): void;
  /** Changes a user (by login); `emails` replaces the whole list. */
  updateUser(login: string, patch: Partial<Omit<FakeGitHubUser, 'login'>>): void;
  addClient(client: FakeGitHubClient): void;
  setAutoApprove(login: string | null): void;
  /**
   * Plays the browser: GETs the authorize URL, presses "Sign in as <login>" and returns the
   * redirect to the app (`redirect_uri?code&state`, or `?error&error_description&state`) without
   * requesting it. Throws when GitHub shows an error page (unknown client_id).
   */
  authorize(authorizationUrl: string | URL, options?: GitHubAuthorizeOptions): Promise<URL>;
  /** Access tokens issued so far, newest last (to assert on scopes or fake a revocation). */
  readonly tokens: ReadonlyMap<string, { readonly login: string; readonly clientId: string; readonly scopes: readonly string[] }>;
  /** Makes every issued token invalid (`GET /user` then answers 401). */
  revokeTokens(): void;
  close(): Promise<void>;
}
