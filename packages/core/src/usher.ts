import type { ClientJSON, EnvironmentJSON, SignInJSON, SignUpJSON, UserJSON } from '@usher/protocol';
import { UsherError, UsherMisuseError } from './errors.ts';
import { deepEqual } from './internal/deep-equal.ts';
import { clientFromBody, isEnvelope } from './internal/envelope.ts';
import { currentDocument, defaultStorage, safeStorage } from './internal/environment.ts';
import { systemClock, systemTimers, type Clock } from './internal/timers.ts';
import { Client } from './resources/client.ts';
import { environmentFromJSON, isEnvironmentJSON } from './resources/environment.ts';
import type { GetTokenOptions, ResourceContext } from './resources/resource-context.ts';
import type { Session } from './resources/session.ts';
import { SignIn, type StartedSignIn } from './resources/sign-in.ts';
import { SignUp, type StartedSignUp } from './resources/sign-up.ts';
import { User } from './resources/user.ts';
import { pageNavigator } from './resources/oauth.ts';
import type { HandleRedirectCallbackParams, RedirectCallbackResult } from './resources/redirect-callback.ts';
import { EnvironmentCache } from './store/environment-cache.ts';
import { SnapshotStore, type SnapshotListener, type UsherSnapshot } from './store/snapshot-store.ts';
import { CrossTab, type CrossTabMessage } from './tokens/cross-tab.ts';
import { isSessionGoneError } from './tokens/session-gone.ts';
import { SessionCookie } from './tokens/session-cookie.ts';
import type { TokenKey } from './tokens/token-key.ts';
import { TokenManager } from './tokens/token-manager.ts';
import { ClientTokenStore } from './transport/client-token-store.ts';
import { Transport, type TransportRequest } from './transport/transport.ts';
import { apiScope, hasDocument, type UsherOptions } from './usher-options.ts';

/**
 * The headless Usher client: loads the environment and the client, exposes them as immutable
 * snapshots, runs sign-in/sign-up flows through the resources, and keeps a fresh session token.
 * Framework-free; `subscribe`/`getSnapshot` are bound and fit `useSyncExternalStore` directly.
 *
 * @example
 * const usher = new Usher({ frontendApi: 'http://localhost:4000' });
 * await usher.load();
 * const signIn = await usher.getSnapshot().signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
 * if (signIn.status === 'complete') await usher.setActive({ session: signIn.createdSessionId });
 * const jwt = await usher.getToken();
 */
export class Usher {
  /** The Frontend API base this instance talks to. */
  readonly frontendApi: string;
  readonly #transport: Transport;
  readonly #store: SnapshotStore;
  readonly #tokens: TokenManager;
  readonly #crossTab: CrossTab | null;
  readonly #cookie: SessionCookie;
  readonly #envCache: EnvironmentCache;
  readonly #clock: Clock;
  readonly #ctx: ResourceContext;
  readonly #cleanups: Array<() => void> = [];
  #environmentJSON: EnvironmentJSON | null = null;
  #loadPromise: Promise<void> | null = null;
  #seq = 0;
  #appliedSeq = 0;
  #destroyed = false;
  #isLeader = true;
  #callback: Promise<(params?: HandleRedirectCallbackParams) => Promise<RedirectCallbackResult>> | null = null;

  constructor(options: UsherOptions) {
    if (typeof options?.frontendApi !== 'string') throw new UsherMisuseError('argument_invalid', 'Usher: `frontendApi` must be a string (use "" for the same origin).');
    this.frontendApi = options.frontendApi;
    const scope = apiScope(options.frontendApi);
    const storage = safeStorage(options.storage === undefined ? defaultStorage() : options.storage);
    this.#clock = options.clock ?? systemClock;
    const mode = options.transport ?? 'cookie';
    const tokenStore = new ClientTokenStore({
      initial: options.clientToken ?? null,
      storage: mode === 'bearer' && options.persistClientToken ? storage : null,
      key: `usher:client-token:${scope}`,
    });
    this.#transport = new Transport({ frontendApi: options.frontendApi, mode, fetch: options.fetch, tokens: tokenStore, now: () => this.#clock.now() });
    this.#envCache = new EnvironmentCache(storage, `usher:environment:${scope}`);
    this.#cookie = new SessionCookie(options.sessionCookie ?? true);
    this.#ctx = this.#createContext(options.navigate);
    this.#store = new SnapshotStore({ signIn: new SignIn(null, this.#ctx), signUp: new SignUp(null, this.#ctx) });

    const crossTab = options.crossTab ?? hasDocument();
    this.#crossTab = crossTab ? new CrossTab({ channelName: `usher:${scope}`, ...(crossTab === true ? {} : crossTab) }) : null;
    if (this.#crossTab) this.#cleanups.push(this.#crossTab.onMessage((m) => this.#onCrossTabMessage(m)));
    // With Web Locks one tab leads the refreshes; the others follow its shared tokens.
    this.#isLeader = !this.#crossTab?.hasLocks;

    this.#tokens = new TokenManager({
      mint: (key) => this.#mint(key),
      clock: this.#clock,
      random: options.random ?? Math.random,
      timers: options.timers ?? systemTimers,
      skew: this.#transport.skew,
      isLeader: () => this.#isLeader,
      withLock: (name, fn) => (this.#crossTab ? this.#crossTab.withLock(`${name}:${scope}`, fn) : fn()),
      share: (key, jwt) => this.#broadcast({ type: 'token', sessionId: key.sessionId, template: key.template, organizationId: key.organizationId, jwt }),
      onSessionGone: (sessionId) => this.#onSessionGone(sessionId),
      onToken: (key, jwt, expiresAt) => {
        if (key.template === null && key.organizationId === null && key.sessionId === this.#store.state.activeSessionId) {
          this.#cookie.write(jwt, (expiresAt - this.#clock.now()) / 1000);
        }
      },
      policy: options.tokenPolicy,
    });
    this.#crossTab?.lead(`usher:leader:${scope}`, () => {
      this.#isLeader = true;
      this.#tokens.leadershipChanged();
    });
    this.#listenToHost();
  }

  /** The page a provider returned to (`?__usher_oauth=`): posts the answer once, activates a created session (loaded on demand; resources/redirect-callback.ts). Bound. */
  readonly handleRedirectCallback = async (params?: HandleRedirectCallbackParams): Promise<RedirectCallbackResult> => {
    this.#callback ??= import('./resources/redirect-callback.ts').then((m) => m.redirectCallbackHandler(this.#ctx));
    return (await this.#callback)(params);
  };

  /** The current snapshot (stable identity while nothing changed). Bound. */
  readonly getSnapshot = (): UsherSnapshot => this.#store.getSnapshot();

  /**
   * Calls `listener` after each change of the snapshot; answers the unsubscribe function. Bound.
   * @example const unsubscribe = usher.subscribe(() => render(usher.getSnapshot()));
   */
  readonly subscribe = (listener: SnapshotListener): (() => void) => this.#store.subscribe(listener);

  get isLoaded(): boolean {
    return this.getSnapshot().isLoaded;
  }
  get client(): UsherSnapshot['client'] {
    return this.getSnapshot().client;
  }
  get session(): UsherSnapshot['session'] {
    return this.getSnapshot().session;
  }
  get user(): UsherSnapshot['user'] {
    return this.getSnapshot().user;
  }
  get signIn(): UsherSnapshot['signIn'] {
    return this.getSnapshot().signIn;
  }
  get signUp(): UsherSnapshot['signUp'] {
    return this.getSnapshot().signUp;
  }
  get environment(): UsherSnapshot['environment'] {
    return this.getSnapshot().environment;
  }

  /**
   * Loads the environment and the client in parallel. A cached environment is used at once and
   * refreshed in the background, so `isLoaded` only waits for the client. Idempotent. Bound.
   * @example await usher.load(); usher.getSnapshot().isLoaded === true;
   */
  readonly load = (): Promise<void> => {
    this.#loadPromise ??= this.#load().catch((error: unknown) => {
      this.#loadPromise = null;
      throw error;
    });
    return this.#loadPromise;
  };

  /**
   * Fetches the client again (GET /v1/client) and publishes it. Bound.
   * @example await usher.reloadClient();
   */
  readonly reloadClient = async (): Promise<void> => {
    const seq = ++this.#seq;
    const { body } = await this.#transport.request<unknown>({ method: 'GET', path: '/client' });
    this.#applyClient(clientFromBody(body), { seq, read: true });
  };

  /**
   * Makes a session the active one (POST …/touch) and waits for its first token, so the
   * `__session` cookie is set before the app navigates. `null` signs out locally. Bound.
   * @example await usher.setActive({ session: signIn.createdSessionId });
   */
  readonly setActive = async (params: { session: Session | string | null }): Promise<void> => {
    const sessionId = typeof params.session === 'string' ? params.session : (params.session?.id ?? null);
    if (sessionId === null) {
      this.#deactivate();
      return;
    }
    await this.#ctx.call({ method: 'POST', path: `/client/sessions/${encodeURIComponent(sessionId)}/touch`, body: {} });
    const session = this.#store.state.client?.sessions.find((s) => s.id === sessionId);
    if (!session || session.status !== 'active') throw new UsherMisuseError('argument_invalid', 'Usher.setActive: the session is not an active session of this client.');
    this.#store.update({ activeSessionId: sessionId });
    this.#syncTokens();
    this.#broadcast({ type: 'active', sessionId });
    // Transient failures are retried in the background; they must not fail the sign-in itself.
    await this.getToken().catch(() => null);
  };

  /**
   * Signs out of one session (POST …/end) or of all of them (DELETE /v1/client/sessions).
   * Tokens and the `__session` cookie are dropped and other tabs told, even when the request
   * fails (the error is then rethrown). Bound.
   * @example await usher.signOut();
   */
  readonly signOut = async (params: { sessionId?: string } = {}): Promise<void> => {
    const { sessionId } = params;
    const clientId = this.#store.state.client?.id ?? null;
    try {
      if (sessionId) await this.#ctx.call({ method: 'POST', path: `/client/sessions/${encodeURIComponent(sessionId)}/end`, body: {} });
      else await this.#ctx.call({ method: 'DELETE', path: '/client/sessions', body: {} });
    } finally {
      this.#endLocally(sessionId ? [sessionId] : 'all');
      if (clientId) this.#crossTab?.post({ type: 'signout', clientId, sessionIds: sessionId ? [sessionId] : 'all' });
    }
  };

  /**
   * A session token (60-second JWT) for the active session, or null when signed out. Served
   * from the cache while fresh; concurrent calls share one request. Throws UsherOfflineError /
   * UsherAPIError when no valid token can be had (never signs out on those). Bound.
   * @example const jwt = await usher.getToken({ template: 'supabase' });
   */
  readonly getToken = async (options: GetTokenOptions = {}): Promise<string | null> => {
    const sessionId = this.#store.getSnapshot().session?.id;
    if (!sessionId) return null;
    return this.#ctx.getToken(sessionId, options);
  };

  /**
   * Stops timers, listeners and the cross-tab channel. The instance must not be used after.
   * @example afterEach(() => usher.destroy());
   */
  readonly destroy = (): void => {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#tokens.destroy();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#crossTab?.close();
    this.#store.clearListeners();
  };

  async #load(): Promise<void> {
    const cached = this.#envCache.read();
    if (cached) this.#setEnvironment(cached);
    const environment = this.#transport.request<unknown>({ method: 'GET', path: '/environment' }).then(({ body }) => {
      const json = isEnvironmentJSON(body) ? body : isEnvelope(body) && isEnvironmentJSON(body.response) ? body.response : null;
      if (!json) throw new UsherError('response_invalid', 'The Usher API answered an environment of an unknown shape');
      this.#envCache.write(json);
      this.#setEnvironment(json);
    });
    const seq = ++this.#seq;
    const client = this.#transport.request<unknown>({ method: 'GET', path: '/client' }).then(({ body }) => {
      this.#applyClient(clientFromBody(body), { seq, read: true, activateLast: true });
    });
    if (cached) {
      // Stale-while-revalidate: a failed refresh keeps the cached settings.
      environment.catch(() => undefined);
      await client;
    } else {
      await Promise.all([environment, client]);
    }
    this.#store.update({ isLoaded: true });
  }

  #setEnvironment(json: EnvironmentJSON): void {
    if (this.#environmentJSON && deepEqual(this.#environmentJSON, json)) return;
    this.#environmentJSON = json;
    this.#store.update({ environment: environmentFromJSON(json) });
  }

  /** Publishes a client from an answer; a read that started before the last applied answer is stale. */
  #applyClient(json: ClientJSON | null, options: { seq: number; read: boolean; activateLast?: boolean }): void {
    if (this.#destroyed) return;
    if (options.read && options.seq < this.#appliedSeq) return;
    this.#appliedSeq = Math.max(this.#appliedSeq, options.seq);
    const client = json ? Client.share(json, this.#ctx, this.#store.state.client) : null;
    let activeSessionId = options.activateLast ? (client?.lastActiveSessionId ?? null) : this.#store.state.activeSessionId;
    if (activeSessionId && !client?.activeSessions.some((s) => s.id === activeSessionId)) activeSessionId = null;
    this.#store.update({ client, activeSessionId });
    this.#syncTokens();
  }

  /** Keeps the token manager and the `__session` cookie in step with the snapshot. */
  #syncTokens(): void {
    const { client, activeSessionId } = this.#store.state;
    const active = new Set(client?.activeSessions.map((s) => s.id) ?? []);
    for (const session of client?.sessions ?? []) if (!active.has(session.id)) this.#tokens.clearSession(session.id);
    this.#tokens.setRefreshTarget(activeSessionId ? { sessionId: activeSessionId, template: null, organizationId: null } : null);
    if (!activeSessionId) this.#cookie.remove();
  }

  #deactivate(): void {
    const active = this.#store.state.activeSessionId;
    if (active) this.#tokens.clearSession(active);
    this.#store.update({ activeSessionId: null });
    this.#syncTokens();
  }

  #endLocally(sessionIds: string[] | 'all'): void {
    if (sessionIds === 'all') this.#tokens.clearAll();
    else for (const id of sessionIds) this.#tokens.clearSession(id);
    const active = this.#store.state.activeSessionId;
    if (active && (sessionIds === 'all' || sessionIds.includes(active))) this.#store.update({ activeSessionId: null });
    this.#syncTokens();
  }

  /** The API said the session is over: drop it now, tell the other tabs, then ask for the truth. */
  #onSessionGone(sessionId: string): void {
    const client = this.#store.state.client;
    if (client) {
      const json = Client.toJSON(client);
      const edited: ClientJSON = {
        ...json,
        sessions: json.sessions.filter((s) => s.id !== sessionId),
        last_active_session_id: json.last_active_session_id === sessionId ? null : json.last_active_session_id,
      };
      this.#applyClient(edited, { seq: ++this.#seq, read: false });
      this.#broadcast({ type: 'signout', sessionIds: [sessionId] });
    }
    this.#endLocally([sessionId]);
    this.reloadClient().catch(() => undefined);
  }

  #broadcast(message: Omit<Extract<CrossTabMessage, { type: 'token' }>, 'clientId'> | Omit<Extract<CrossTabMessage, { type: 'signout' }>, 'clientId'> | Omit<Extract<CrossTabMessage, { type: 'active' }>, 'clientId'>): void {
    const clientId = this.#store.state.client?.id;
    if (clientId && this.#crossTab) this.#crossTab.post({ ...message, clientId } as CrossTabMessage);
  }

  #onCrossTabMessage(message: CrossTabMessage): void {
    const client = this.#store.state.client;
    // Another client (another user in bearer mode, another server request): not ours.
    if (!client || message.clientId !== client.id) return;
    if (message.type === 'token') {
      if (!client.activeSessions.some((s) => s.id === message.sessionId)) return;
      this.#tokens.receive({ sessionId: message.sessionId, template: message.template, organizationId: message.organizationId }, message.jwt);
      return;
    }
    if (message.type === 'active') {
      if (this.#store.state.activeSessionId === message.sessionId) return;
      // The other tab already told the server; this one reloads the client (a new session may be
      // in it) and follows, without a request of its own.
      this.reloadClient()
        .then(() => {
          const session = this.#store.state.client?.sessions.find((s) => s.id === message.sessionId);
          if (!session || session.status !== 'active') return;
          this.#store.update({ activeSessionId: message.sessionId });
          this.#syncTokens();
        })
        .catch(() => undefined);
      return;
    }
    this.#endLocally(message.sessionIds);
    this.reloadClient().catch(() => undefined);
  }

  async #mint(key: TokenKey): Promise<string> {
    const base = `/client/sessions/${encodeURIComponent(key.sessionId)}/tokens`;
    const path = key.template ? `${base}/${encodeURIComponent(key.template)}` : base;
    const { body } = await this.#transport.request<unknown>({ method: 'POST', path, body: {} });
    const token = (isEnvelope(body) ? body.response : body) as { jwt?: unknown } | null;
    if (typeof token?.jwt !== 'string') throw new UsherError('response_invalid', 'The Usher API answered a token of an unknown shape');
    return token.jwt;
  }

  #listenToHost(): void {
    const target = globalThis as { addEventListener?: Window['addEventListener']; removeEventListener?: Window['removeEventListener'] };
    const doc = currentDocument();
    if (typeof target.addEventListener !== 'function' || !doc) return;
    const resume = () => this.#tokens.resume();
    target.addEventListener('online', resume);
    this.#cleanups.push(() => target.removeEventListener?.('online', resume));
    const onVisible = () => {
      if (doc.visibilityState === 'visible') this.#tokens.resume();
    };
    doc.addEventListener?.('visibilitychange', onVisible);
    this.#cleanups.push(() => doc.removeEventListener?.('visibilitychange', onVisible));
  }

  #createContext(navigate: UsherOptions['navigate']): ResourceContext {
    return {
      call: async <T,>(request: TransportRequest): Promise<T> => {
        const seq = ++this.#seq;
        const { body } = await this.#transport.request<unknown>(request);
        if (!isEnvelope(body)) return body as T;
        if ('client' in body) this.#applyClient(body.client ?? null, { seq, read: request.method === 'GET' });
        return body.response as T;
      },
      // The JSON of an answer always has an id and a status.
      signInFor: (json: SignInJSON) => SignIn.share(json, this.#ctx, this.#store.getSnapshot().signIn) as StartedSignIn,
      signUpFor: (json: SignUpJSON) => SignUp.share(json, this.#ctx, this.#store.getSnapshot().signUp) as StartedSignUp,
      sessionIdFor: (userId: string) => {
        const { client, activeSessionId } = this.#store.state;
        const sessions = client?.activeSessions.filter((s) => s.user.id === userId) ?? [];
        return (sessions.find((s) => s.id === activeSessionId) ?? sessions[0])?.id ?? null;
      },
      userFor: (json: UserJSON) => User.share(json, this.#ctx, this.#store.state.client?.sessions.find((s) => s.user.id === json.id)?.user),
      setActive: (sessionId: string) => this.setActive({ session: sessionId }),
      getToken: async (sessionId: string, options?: GetTokenOptions) => {
        const key = { sessionId, template: options?.template ?? null, organizationId: options?.organizationId ?? null };
        try {
          return await this.#tokens.getToken(key, { skipCache: options?.skipCache });
        } catch (error) {
          if (isSessionGoneError(error)) return null;
          throw error;
        }
      },
      endSession: (sessionId: string) => this.signOut({ sessionId }),
      navigate: pageNavigator(navigate),
    };
  }
}
