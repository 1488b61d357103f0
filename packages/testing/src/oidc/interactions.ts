import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import type { AccountStore } from './accounts.ts';
import { errorPage, loginPage } from './login-page.ts';

export interface InteractionState {
  readonly provider: Provider;
  readonly accounts: AccountStore;
  /** Current auto-login account, or null to show the login page. */
  autoLogin(): string | null;
}

const route = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
}

/**
 * The provider's own interaction routes (devInteractions is off): `GET /interaction/:uid` shows
 * the login page (or logs in at once in auto-login mode), `POST .../login` logs in with the
 * `sub` field, `POST .../abort` ends with `access_denied`. Consent is granted by
 * `loadExistingGrant` (consent.ts), so no consent page exists.
 * Returns false for any other path, which then goes to oidc-provider.
 */
export async function handleInteraction(state: InteractionState, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = route.exec(pathname);
  if (!match) return false;
  const action = match[2] ?? 'show';
  const { provider, accounts } = state;

  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    sendHtml(res, 400, errorPage('invalid_request', `interaction not found: ${(error as Error).message}`));
    return true;
  }
  const clientId = details.params.client_id ?? '';
  const scope = details.params.scope ?? '';

  const login = (sub: string) => provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });

  if (action === 'abort' && req.method === 'POST') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
    return true;
  }

  if (action === 'login' && req.method === 'POST') {
    const sub = (await readForm(req)).get('sub')?.trim() ?? '';
    if (!accounts.has(sub)) {
      sendHtml(res, 400, loginPage({ uid: details.uid, clientId, scope, sub, error: `Unknown account "${sub}".` }));
      return true;
    }
    await login(sub);
    return true;
  }

  if (action !== 'show' || (req.method !== 'GET' && req.method !== 'HEAD')) {
    sendHtml(res, 405, errorPage('invalid_request', 'method not allowed'));
    return true;
  }

  if (details.prompt.name === 'login') {
    const auto = state.autoLogin();
    if (auto !== null) {
      if (!accounts.has(auto)) sendHtml(res, 500, errorPage('server_error', `auto-login account "${auto}" does not exist`));
      else await login(auto);
      return true;
    }
    sendHtml(res, 200, loginPage({ uid: details.uid, clientId, scope, sub: details.params.login_hint }));
    return true;
  }

  // Consent is normally skipped by loadExistingGrant; should oidc-provider still ask
  // (e.g. a prompt=consent request), answer with an empty consent result: loadExistingGrant
  // then grants what was asked for.
  await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
  return true;
}
