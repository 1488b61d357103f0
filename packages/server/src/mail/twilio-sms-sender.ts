import type { SmsSender } from '../deps.ts';

export interface TwilioSmsOptions {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) — or a Messaging Service SID instead. */
  from?: string;
  messagingServiceSid?: string;
  /** Default https://api.twilio.com; any Twilio-compatible API (or a local fake in tests) works. */
  apiUrl?: string;
  /** Default 10 s; a slow provider counts as a failure and the outbox retries. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Sends text messages through Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`,
 * form-encoded, HTTP Basic with the account SID and auth token). A non-2xx answer throws with
 * the status and Twilio's numeric error code only — its messages quote the phone number, which
 * must not reach logs or the outbox's last error.
 *
 * @example
 * createOutboxWorker({ …, sms: createTwilioSmsSender({ accountSid, authToken, from: '+15555550100' }) });
 */
export function createTwilioSmsSender(options: TwilioSmsOptions): SmsSender {
  if (!options.from && !options.messagingServiceSid) throw new TypeError('Twilio needs `from` or `messagingServiceSid`.');
  const base = (options.apiUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`;
  const doFetch = options.fetch ?? fetch;
  return {
    async send({ to, body }) {
      const form = new URLSearchParams({ To: to, Body: body });
      if (options.messagingServiceSid) form.set('MessagingServiceSid', options.messagingServiceSid);
      else form.set('From', options.from!);
      const response = await doFetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return;
      }
      const answer = (await response.json().catch(() => null)) as { code?: unknown } | null;
      const code = typeof answer?.code === 'number' ? ` (Twilio error ${answer.code})` : '';
      throw new Error(`The SMS provider answered HTTP ${response.status}${code}.`);
    },
  };
}
