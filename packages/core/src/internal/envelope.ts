import type { ClientJSON } from '@usher/protocol';

/** Mutations (and GET /client) answer `{ response, client }`. */
export function isEnvelope(body: unknown): body is { response: unknown; client?: ClientJSON | null } {
  return typeof body === 'object' && body !== null && 'response' in body;
}

/** The client of an answer: a bare client, or the envelope's. */
export function clientFromBody(body: unknown): ClientJSON | null {
  if (typeof body !== 'object' || body === null) return null;
  if ((body as { object?: unknown }).object === 'client') return body as ClientJSON;
  if (isEnvelope(body)) {
    const response = body.response as { object?: unknown } | null;
    if (response?.object === 'client') return response as ClientJSON;
    return body.client ?? null;
  }
  return null;
}
