import type { ApiErrorJSON } from '@usher/protocol';
import { UsherAPIError, UsherError, UsherOfflineError, toAPIErrorItems, type UsherAPIErrorItem } from '../errors.ts';
import { API_VERSION_PATH, BEARER_MODE_HEADER, CLIENT_TOKEN_HEADER } from '../internal/wire.ts';
import type { ClientTokenStore } from './client-token-store.ts';
import { ClockSkew } from './clock-skew.ts';
import { parseRetryAfter } from './parse-retry-after.ts';

/** How the client identifies itself: the `__client` cookie, or a bearer client token. */
export type TransportMode = 'cookie' | 'bearer';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under /v1, e.g. `/client/sign_ins`. */
  path: string;
  body?: unknown;
  /** Raw bytes instead of JSON (file uploads), with their media type. */
  upload?: { bytes: Uint8Array<ArrayBuffer>; contentType: string };
  query?: Record<string, string | undefined>;
}

export interface TransportResponse<T> {
  status: number;
  body: T;
}

/** Joins the configured frontend API base with an API path. '' and '/' mean same origin. */
export function resolveApiUrl(frontendApi: string, path: string): string {
  const base = frontendApi.replace(/\/+$/, '');
  return `${base}${path}`;
}

/**
 * The fetch wrapper under every SDK call: JSON in and out, cookie or bearer identity, errors
 * parsed into {@link UsherAPIError}, a request that never got an answer into
 * {@link UsherOfflineError}, and the server's clock learned from `Date`.
 */
export class Transport {
  readonly mode: TransportMode;
  readonly skew = new ClockSkew();
  readonly #frontendApi: string;
  readonly #fetch: FetchLike;
  readonly #tokens: ClientTokenStore;
  readonly #now: () => number;

  constructor(input: { frontendApi: string; mode: TransportMode; fetch?: FetchLike; tokens: ClientTokenStore; now: () => number }) {
    this.mode = input.mode;
    this.#frontendApi = input.frontendApi;
    // Resolved at call time so a fetch patched later (MSW, polyfills) is the one used.
    this.#fetch = input.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.#tokens = input.tokens;
    this.#now = input.now;
  }

  /** The bearer client token, if any (bearer mode). */
  get clientToken(): string | null {
    return this.#tokens.get();
  }

  setClientToken(token: string | null): void {
    this.#tokens.set(token);
  }

  async request<T>(req: TransportRequest): Promise<TransportResponse<T>> {
    const url = this.#url(req);
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (req.upload) {
      headers['content-type'] = req.upload.contentType;
      body = req.upload.bytes;
    } else if (req.method !== 'GET') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body ?? {});
    }
    if (this.mode === 'bearer') {
      const token = this.#tokens.get();
      if (token) headers.authorization = `Bearer ${token}`;
      else headers[BEARER_MODE_HEADER] = '1';
    }
    const sentAt = this.#now();
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: req.method,
        headers,
        body,
        credentials: this.mode === 'cookie' ? 'include' : 'omit',
      });
    } catch (cause) {
      throw new UsherOfflineError({ cause });
    }
    const receivedAt = this.#now();
    this.skew.observeDateHeader(response.headers.get('date'), sentAt, receivedAt);
    if (this.mode === 'bearer') {
      const rotated = response.headers.get(CLIENT_TOKEN_HEADER);
      if (rotated) this.#tokens.set(rotated);
    }
    const parsed = await readJson(response);
    if (!response.ok) throw toApiError(response, parsed, receivedAt);
    if (parsed === undefined && response.status !== 204) {
      throw new UsherError('response_invalid', `The Usher API answered ${response.status} without JSON`);
    }
    return { status: response.status, body: (parsed ?? null) as T };
  }

  #url(req: TransportRequest): string {
    let path = `${API_VERSION_PATH}${req.path}`;
    const params = Object.entries(req.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    if (params.length > 0) path += `?${new URLSearchParams(params).toString()}`;
    return resolveApiUrl(this.#frontendApi, path);
  }
}

async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, body: unknown, now: number): UsherAPIError {
  const wire = (body as { errors?: unknown } | undefined)?.errors;
  let errors: UsherAPIErrorItem[] = Array.isArray(wire) ? toAPIErrorItems(wire.filter(isErrorJson)) : [];
  if (errors.length === 0) {
    // A proxy's HTML page or an empty body: keep the status meaningful for the UI.
    const code = response.status === 429 ? 'too_many_requests' : response.status === 404 ? 'not_found' : 'internal_error';
    errors = toAPIErrorItems([{ code, message: `Request failed with status ${response.status}`, long_message: `Request failed with status ${response.status}` }]);
  }
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now) ?? errors[0]?.meta.retryAfterSeconds ?? null;
  return new UsherAPIError({ status: response.status, errors, retryAfter });
}

function isErrorJson(value: unknown): value is ApiErrorJSON {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string';
}
