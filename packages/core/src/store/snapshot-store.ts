import type { Client } from '../resources/client.ts';
import type { Environment } from '../resources/environment.ts';
import type { Session } from '../resources/session.ts';
import type { SignIn } from '../resources/sign-in.ts';
import type { SignUp } from '../resources/sign-up.ts';
import type { User } from '../resources/user.ts';

/**
 * Everything the UI reads, as one immutable value. Its identity changes only when some part of
 * it changed, so it can be handed to `useSyncExternalStore` as is.
 */
export interface UsherSnapshot {
  /** True once the client (and an environment, cached or fresh) is known. */
  readonly isLoaded: boolean;
  readonly environment: Environment | null;
  readonly client: Client | null;
  /** The active session, or null when signed out. */
  readonly session: Session | null;
  /** The active session's user, or null when signed out. */
  readonly user: User | null;
  /** The current sign-in attempt; an empty one (id null) when there is none. */
  readonly signIn: SignIn;
  /** The current sign-up attempt; an empty one (id null) when there is none. */
  readonly signUp: SignUp;
}

export interface SnapshotState {
  isLoaded: boolean;
  environment: Environment | null;
  client: Client | null;
  activeSessionId: string | null;
}

export type SnapshotListener = (snapshot: UsherSnapshot) => void;

/** Holds the state, derives the snapshot and tells subscribers when it changed. */
export class SnapshotStore {
  #state: SnapshotState = { isLoaded: false, environment: null, client: null, activeSessionId: null };
  #snapshot: UsherSnapshot;
  readonly #listeners = new Set<SnapshotListener>();
  readonly #emptySignIn: SignIn;
  readonly #emptySignUp: SignUp;

  constructor(empty: { signIn: SignIn; signUp: SignUp }) {
    this.#emptySignIn = empty.signIn;
    this.#emptySignUp = empty.signUp;
    this.#snapshot = this.#derive();
  }

  get state(): Readonly<SnapshotState> {
    return this.#state;
  }

  getSnapshot(): UsherSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: SnapshotListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Applies a change; subscribers hear about it only when the snapshot really changed. */
  update(patch: Partial<SnapshotState>): void {
    this.#state = { ...this.#state, ...patch };
    const next = this.#derive();
    const prev = this.#snapshot;
    const changed = (Object.keys(next) as Array<keyof UsherSnapshot>).some((key) => next[key] !== prev[key]);
    if (!changed) return;
    this.#snapshot = next;
    for (const listener of [...this.#listeners]) {
      try {
        listener(next);
      } catch (error) {
        // One broken subscriber must not stop the others nor the SDK; surface it asynchronously.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clearListeners(): void {
    this.#listeners.clear();
  }

  #derive(): UsherSnapshot {
    const { client, activeSessionId, environment, isLoaded } = this.#state;
    const session = (activeSessionId && client?.sessions.find((s) => s.id === activeSessionId && s.status === 'active')) || null;
    return Object.freeze({
      isLoaded,
      environment,
      client,
      session,
      user: session?.user ?? null,
      signIn: client?.signIn ?? this.#emptySignIn,
      signUp: client?.signUp ?? this.#emptySignUp,
    });
  }
}
