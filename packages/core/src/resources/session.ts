import type { SessionJSON, SessionStatus, SessionVerificationJSON } from '@usher/protocol';
import { deepEqual } from '../internal/deep-equal.ts';
import { sessionMachine } from '../machines/session-machine.ts';
import type { GetTokenOptions, ResourceContext } from './resource-context.ts';
import { SessionVerification } from './session-verification.ts';
import { User } from './user.ts';

/**
 * One session of the client (a signed-in user on this device). Immutable; methods are bound.
 *
 * @example
 * const jwt = await usher.getSnapshot().session?.getToken();
 */
export class Session {
  readonly id: string;
  readonly status: SessionStatus;
  readonly user: User;
  /** Minutes since the first and the second factor were verified (-1: never). */
  readonly factorVerificationAge: readonly [number, number];
  /** Unix milliseconds. */
  readonly lastActiveAt: number;
  /** When the session ends by inactivity, unless used before (Unix ms). */
  readonly expireAt: number;
  /** When the session ends whatever happens (Unix ms). */
  readonly abandonAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly #json: SessionJSON;
  readonly #ctx: ResourceContext;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: SessionJSON, ctx: ResourceContext, previousUser?: User | null) {
    this.#json = json;
    this.#ctx = ctx;
    this.id = json.id;
    this.status = json.status;
    this.user = User.share(json.user, ctx, previousUser);
    this.factorVerificationAge = Object.freeze([json.factor_verification_age[0], json.factor_verification_age[1]] as const);
    this.lastActiveAt = json.last_active_at;
    this.expireAt = json.expire_at;
    this.abandonAt = json.abandon_at;
    this.createdAt = json.created_at;
    this.updatedAt = json.updated_at;
    Object.freeze(this);
  }

  /** @internal the previous instance when nothing changed, so snapshots keep their identity */
  static share(json: SessionJSON, ctx: ResourceContext, previous: Session | null | undefined): Session {
    if (previous && previous.id === json.id && deepEqual(previous.#json, json)) return previous;
    return new Session(json, ctx, previous?.user);
  }

  /**
   * A session token (60-second JWT) for this session, from the cache when fresh.
   * Answers null when the session is not active.
   * @example fetch('/api', { headers: { Authorization: `Bearer ${await session.getToken()}` } });
   */
  readonly getToken = async (options?: GetTokenOptions): Promise<string | null> => {
    if (!sessionMachine.canGetToken(this.status)) return null;
    return this.#ctx.getToken(this.id, options);
  };

  /**
   * Starts a re-verification (before a sensitive change answered `session_reverification_required`).
   * @example const v = await session.startVerification(); if (v.status !== 'complete') …
   */
  readonly startVerification = async (): Promise<SessionVerification> => {
    return new SessionVerification(await this.#ctx.call<SessionVerificationJSON>({ method: 'POST', path: `/client/sessions/${this.id}/verify`, body: {} }));
  };

  /** Emails a code to the primary address. */
  readonly prepareFirstFactorVerification = async (params: { strategy: 'email_code' }): Promise<SessionVerification> => {
    return new SessionVerification(await this.#ctx.call<SessionVerificationJSON>({ method: 'POST', path: `/client/sessions/${this.id}/verify/prepare_first_factor`, body: { strategy: params.strategy } }));
  };

  /**
   * Confirms with the password or the emailed code; 'complete' unlocks sensitive changes for 10 minutes.
   * @example await session.attemptFirstFactorVerification({ strategy: 'password', password });
   */
  readonly attemptFirstFactorVerification = async (params: { strategy: 'password'; password: string } | { strategy: 'email_code'; code: string }): Promise<SessionVerification> => {
    const body = params.strategy === 'password' ? { strategy: 'password', password: params.password } : { strategy: 'email_code', code: params.code };
    return new SessionVerification(await this.#ctx.call<SessionVerificationJSON>({ method: 'POST', path: `/client/sessions/${this.id}/verify/attempt_first_factor`, body }));
  };

  /**
   * Ends this session on the server (sign-out of this session only).
   * @example await session.end();
   */
  readonly end = async (): Promise<void> => {
    sessionMachine.assert(this.status, 'end');
    await this.#ctx.endSession(this.id);
  };
}
