/** A token another tab minted, or a sign-out another tab did. Tokens never go to storage. */
export type CrossTabMessage =
  | { type: 'token'; clientId: string; sessionId: string; template: string | null; organizationId: string | null; jwt: string }
  | { type: 'signout'; clientId: string; sessionIds: string[] | 'all' }
  /** Another tab made this session the active one (an account switch, a second account added). */
  | { type: 'active'; clientId: string; sessionId: string };

/** The BroadcastChannel surface the SDK uses (the DOM's and Node's both fit). */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** The Web Locks surface the SDK uses (`navigator.locks`). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface CrossTabOptions {
  /** Channel name; tabs of one app must agree (default: derived from frontendApi). */
  channelName?: string;
  /** BroadcastChannel constructor; default the host's. `null` disables broadcasting. */
  BroadcastChannel?: (new (name: string) => BroadcastChannelLike) | null;
  /** Lock manager; default `navigator.locks` when present. `null` disables locking. */
  locks?: LockManagerLike | null;
}

function hostLocks(): LockManagerLike | null {
  const locks = (globalThis as { navigator?: { locks?: { request?: unknown } } }).navigator?.locks;
  if (!locks || typeof locks.request !== 'function') return null;
  const host = locks as LockManagerLike;
  return { request: (name, callback) => host.request(name, callback) };
}

/**
 * Tabs of one app cooperate: a BroadcastChannel shares fresh tokens and sign-outs, and a Web
 * Lock makes one tab mint at a time (the others then find the token already shared). Both are
 * optional: without them each tab simply works alone.
 */
export class CrossTab {
  readonly #channel: BroadcastChannelLike | null;
  readonly #locks: LockManagerLike | null;
  readonly #handlers = new Set<(message: CrossTabMessage) => void>();
  #releaseLeadership: (() => void) | null = null;
  #closed = false;

  constructor(options: CrossTabOptions & { channelName: string }) {
    const Channel = options.BroadcastChannel === undefined ? (globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike }).BroadcastChannel : options.BroadcastChannel;
    this.#channel = Channel ? new Channel(options.channelName) : null;
    // Node's channel would keep the process alive.
    (this.#channel as { unref?: () => void } | null)?.unref?.();
    if (this.#channel) {
      this.#channel.onmessage = (event) => {
        const message = event.data as CrossTabMessage;
        if (!message || (message.type !== 'token' && message.type !== 'signout' && message.type !== 'active')) return;
        for (const handler of this.#handlers) handler(message);
      };
    }
    this.#locks = options.locks === undefined ? hostLocks() : options.locks;
  }

  post(message: CrossTabMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: the other tabs catch up on their own next refresh.
    }
  }

  onMessage(handler: (message: CrossTabMessage) => void): () => void {
    this.#handlers.add(handler);
    return () => this.#handlers.delete(handler);
  }

  /** Runs `fn` holding the named lock across tabs, or directly without Web Locks. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.#locks ? this.#locks.request(name, fn) : fn();
  }

  /** Whether Web Locks are available (else every tab acts alone and leads). */
  get hasLocks(): boolean {
    return this.#locks !== null;
  }

  /**
   * Queues for the leadership lock; `onLeader` runs when this tab gets it. The lock is held until
   * close(), so when the leading tab closes the next one takes over.
   */
  lead(name: string, onLeader: () => void): void {
    if (!this.#locks) return;
    this.#locks
      .request(name, () => {
        if (this.#closed) return Promise.resolve();
        onLeader();
        return new Promise<void>((resolve) => {
          this.#releaseLeadership = resolve;
        });
      })
      .catch(() => undefined);
  }

  close(): void {
    this.#closed = true;
    this.#releaseLeadership?.();
    this.#releaseLeadership = null;
    this.#handlers.clear();
    if (this.#channel) {
      this.#channel.onmessage = null;
      this.#channel.close();
    }
  }
}
