import type { ClientJSON } from '@usher/protocol';
import { deepEqual } from '../internal/deep-equal.ts';
import type { ResourceContext } from './resource-context.ts';
import { Session } from './session.ts';
import { SignIn } from './sign-in.ts';
import { SignUp } from './sign-up.ts';

/**
 * This device's client: its sessions and its current sign-in and sign-up attempts. Immutable;
 * every API answer replaces it, reusing the unchanged parts (so their identity is stable).
 *
 * @example
 * usher.getSnapshot().client?.activeSessions.length;
 */
export class Client {
  readonly id: string;
  readonly sessions: readonly Session[];
  /** The sessions whose status is `active`. */
  readonly activeSessions: readonly Session[];
  readonly signIn: SignIn | null;
  readonly signUp: SignUp | null;
  readonly lastActiveSessionId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly #json: ClientJSON;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: ClientJSON, ctx: ResourceContext, previous?: Client | null) {
    this.#json = json;
    this.id = json.id;
    const same = previous?.id === json.id ? previous : null;
    this.sessions = Object.freeze(json.sessions.map((s) => Session.share(s, ctx, same?.sessions.find((p) => p.id === s.id))));
    this.activeSessions = Object.freeze(this.sessions.filter((s) => s.status === 'active'));
    this.signIn = json.sign_in ? SignIn.share(json.sign_in, ctx, same?.signIn) : null;
    this.signUp = json.sign_up ? SignUp.share(json.sign_up, ctx, same?.signUp) : null;
    this.lastActiveSessionId = json.last_active_session_id;
    this.createdAt = json.created_at;
    this.updatedAt = json.updated_at;
    Object.freeze(this);
  }

  /** @internal the previous instance when nothing changed, so snapshots keep their identity */
  static share(json: ClientJSON, ctx: ResourceContext, previous: Client | null | undefined): Client {
    if (previous && previous.id === json.id && deepEqual(previous.#json, json)) return previous;
    return new Client(json, ctx, previous);
  }

  /** @internal the wire JSON, for local edits such as dropping a session the server said is gone */
  static toJSON(client: Client): ClientJSON {
    return client.#json;
  }
}
