/** One signed POST to a webhook endpoint. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Posts webhooks. Answers the HTTP status (any status: the worker decides what counts as
 * delivered) and throws only when no answer came (network error, timeout).
 */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<{ status: number }>;
}

export interface FetchWebhookSenderOptions {
  /** An endpoint that has not answered by then counts as failed (and is retried). Default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The default sender: `fetch` with a timeout. Redirects are not followed (a 3xx is a failed
 * delivery), so a signed event only ever reaches the URL the endpoint was registered with.
 *
 * @example
 * createOutboxWorker({ …, webhookSender: createFetchWebhookSender({ timeoutMs: 5000 }) });
 */
export function createFetchWebhookSender(options: FetchWebhookSenderOptions = {}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch = options.fetch ?? fetch;
  return {
    async send({ url, headers, body }) {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Usher-Webhooks/1', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The answer's body is not needed; releasing it frees the connection.
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status };
    },
  };
}
