import type {
  ApiErrorJSON,
  BackendCreateUserBody,
  BackendInstanceSettingsBody,
  BackendInstanceSettingsJSON,
  BackendJwtTemplateJSON,
  BackendMergeMetadataBody,
  BackendSessionJSON,
  BackendUpdateUserBody,
  BackendUserJSON,
  BackendCreateWebhookEndpointBody,
  BackendUpdateWebhookEndpointBody,
  BackendWebhookEndpointJSON,
  BackendWebhookMessageJSON,
  DeletedObjectJSON,
  ListJSON,
  SessionStatus,
} from '@usher/protocol';

/** A Backend API answer with an error status; `errors` are the API's, codes included. */
export class UsherBackendApiError extends Error {
  override readonly name = 'UsherBackendApiError';
  constructor(
    readonly status: number,
    readonly errors: readonly ApiErrorJSON[],
  ) {
    super(errors[0]?.long_message ?? errors[0]?.message ?? `Usher Backend API answered ${status}`);
  }

  hasCode(code: ApiErrorJSON['code']): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

export interface UsherBackendClientOptions {
  /** `sk_live_…` / `sk_test_…`: keep it on the server, never in a browser bundle. */
  secretKey: string;
  /** The Usher server's public URL, e.g. `https://auth.example.com`. */
  apiUrl: string;
  fetch?: typeof fetch;
}

export interface JwtTemplateInput {
  name: string;
  claims: Record<string, unknown>;
  lifetime?: number;
  allowed_clock_skew?: number;
  audience?: string | null;
  signing_algorithm?: 'instance' | 'HS256';
  signing_key?: string;
}

type Query = Record<string, string | number | undefined>;

/**
 * A client of the Backend API (`/backend/v1`) for the app's own server. Answers the API's JSON
 * (snake_case, as documented); failures throw UsherBackendApiError.
 *
 * @example
 * const usher = createUsherBackendClient({ secretKey: process.env.USHER_SECRET_KEY!, apiUrl: 'https://auth.example.com' });
 * const { data } = await usher.users.list({ query: 'ada', limit: 10 });
 * await usher.users.updateMetadata(data[0].id, { public_metadata: { plan: 'pro' } });
 */
export function createUsherBackendClient(options: UsherBackendClientOptions) {
  if (!/^sk_(test|live)_/.test(options.secretKey ?? '')) throw new TypeError('secretKey must be an Usher secret key (sk_test_… or sk_live_…).');
  const base = `${new URL(options.apiUrl).origin}${new URL(options.apiUrl).pathname.replace(/\/+$/, '')}/backend/v1`;
  const doFetch = options.fetch ?? fetch;

  async function call<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const url = new URL(`${base}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const response = await doFetch(url, {
      method,
      headers: { authorization: `Bearer ${options.secretKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) throw new UsherBackendApiError(response.status, (json as { errors?: ApiErrorJSON[] } | null)?.errors ?? []);
    return json as T;
  }
  const id = (value: string) => encodeURIComponent(value);

  return {
    users: {
      list: (query: { limit?: number; offset?: number; query?: string; order_by?: 'created_at' | '-created_at' } = {}) => call<ListJSON<BackendUserJSON>>('GET', '/users', undefined, query),
      get: (userId: string) => call<BackendUserJSON>('GET', `/users/${id(userId)}`),
      create: (body: BackendCreateUserBody) => call<BackendUserJSON>('POST', '/users', body),
      update: (userId: string, body: BackendUpdateUserBody) => call<BackendUserJSON>('PATCH', `/users/${id(userId)}`, body),
      /** Deep-merges metadata; a key set to null is removed. */
      updateMetadata: (userId: string, body: BackendMergeMetadataBody) => call<BackendUserJSON>('PATCH', `/users/${id(userId)}/metadata`, body),
      delete: (userId: string) => call<DeletedObjectJSON>('DELETE', `/users/${id(userId)}`),
      ban: (userId: string) => call<BackendUserJSON>('POST', `/users/${id(userId)}/ban`, {}),
      unban: (userId: string) => call<BackendUserJSON>('POST', `/users/${id(userId)}/unban`, {}),
      lock: (userId: string) => call<BackendUserJSON>('POST', `/users/${id(userId)}/lock`, {}),
      unlock: (userId: string) => call<BackendUserJSON>('POST', `/users/${id(userId)}/unlock`, {}),
    },
    sessions: {
      list: (query: { user_id?: string; status?: SessionStatus; limit?: number; offset?: number } = {}) => call<ListJSON<BackendSessionJSON>>('GET', '/sessions', undefined, query),
      get: (sessionId: string) => call<BackendSessionJSON>('GET', `/sessions/${id(sessionId)}`),
      revoke: (sessionId: string) => call<BackendSessionJSON>('POST', `/sessions/${id(sessionId)}/revoke`, {}),
    },
    jwtTemplates: {
      list: () => call<ListJSON<BackendJwtTemplateJSON>>('GET', '/jwt_templates'),
      get: (templateId: string) => call<BackendJwtTemplateJSON>('GET', `/jwt_templates/${id(templateId)}`),
      create: (body: JwtTemplateInput) => call<BackendJwtTemplateJSON>('POST', '/jwt_templates', body),
      /** Replaces the whole template (an HS256 secret not sent again is kept). */
      update: (templateId: string, body: JwtTemplateInput) => call<BackendJwtTemplateJSON>('PUT', `/jwt_templates/${id(templateId)}`, body),
      delete: (templateId: string) => call<DeletedObjectJSON>('DELETE', `/jwt_templates/${id(templateId)}`),
    },
    webhooks: {
      endpoints: {
        list: () => call<ListJSON<BackendWebhookEndpointJSON>>('GET', '/webhooks/endpoints'),
        get: (endpointId: string) => call<BackendWebhookEndpointJSON>('GET', `/webhooks/endpoints/${id(endpointId)}`),
        /** The answer carries the signing secret (`whsec_…`); verify deliveries with verifyWebhook(). */
        create: (body: BackendCreateWebhookEndpointBody) => call<BackendWebhookEndpointJSON & { secret: string }>('POST', '/webhooks/endpoints', body),
        update: (endpointId: string, body: BackendUpdateWebhookEndpointBody) => call<BackendWebhookEndpointJSON>('PATCH', `/webhooks/endpoints/${id(endpointId)}`, body),
        delete: (endpointId: string) => call<DeletedObjectJSON>('DELETE', `/webhooks/endpoints/${id(endpointId)}`),
        secret: (endpointId: string) => call<{ object: 'webhook_endpoint_secret'; id: string; secret: string }>('GET', `/webhooks/endpoints/${id(endpointId)}/secret`),
        /** A new secret signs every later attempt. */
        rotateSecret: (endpointId: string) => call<BackendWebhookEndpointJSON & { secret: string }>('POST', `/webhooks/endpoints/${id(endpointId)}/rotate_secret`, {}),
      },
      messages: {
        /** Deliveries, newest first. */
        list: (query: { status?: BackendWebhookMessageJSON['status']; endpoint_id?: string; limit?: number } = {}) => call<ListJSON<BackendWebhookMessageJSON>>('GET', '/webhooks/messages', undefined, query),
        /** Sends a sent or dead-lettered delivery again, with the same webhook-id. */
        replay: (messageId: string) => call<BackendWebhookMessageJSON>('POST', `/webhooks/messages/${id(messageId)}/replay`, {}),
      },
    },
    instance: {
      get: () => call<BackendInstanceSettingsJSON>('GET', '/instance'),
      update: (body: BackendInstanceSettingsBody) => call<BackendInstanceSettingsJSON>('PATCH', '/instance', body),
    },
  };
}

export type UsherBackendClient = ReturnType<typeof createUsherBackendClient>;
