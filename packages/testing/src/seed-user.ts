import type { ClientResponseJSON, EmailLinkConfirmationJSON, EnvironmentJSON, SignUpJSON, TotpJSON } from '@usher/protocol';
import { totpCodeOf } from './totp.ts';
import type { Store } from '@usher/server';

export interface SeedUserInput {
  email: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** Also set up an authenticator app (2-step verification): the answer carries its secret and the backup codes. */
  totp?: boolean;
}

export interface SeededUser {
  id: string;
  email: string;
  password: string | undefined;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  /** With `totp: true`: the authenticator's base32 secret (compute codes with `totpCodeOf`), else null. */
  totpSecret: string | null;
  /** With `totp: true`: the 10 backup codes, else empty. */
  backupCodes: string[];
}

interface SeedDeps {
  fetch(request: Request): Promise<Response>;
  origin: string;
  store: () => Store;
  deliverOutbox(): Promise<void>;
  hideMessage(id: string): void;
  /** The server's clock (codes are computed for its time). */
  now(): number;
}

/**
 * Creates a user through the real sign-up endpoints (create → email code → verify; on an instance
 * that verifies by link only, the emailed link confirmed by the same client), on a client of
 * its own in bearer mode (and, with `totp`, sets up an authenticator app), then signs that client out. The seeding email is hidden from the mock's
 * mailbox so tests only see what they caused.
 */
export async function seedUser(deps: SeedDeps, input: SeedUserInput): Promise<SeededUser> {
  let token: string | null = null;
  const call = async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: deps.origin };
    if (token) headers.authorization = `Bearer ${token}`;
    else headers['x-usher-bearer'] = '1';
    const response = await deps.fetch(new Request(`${deps.origin}/v1${path}`, { method, headers, body: JSON.stringify(body) }));
    token = response.headers.get('x-usher-client-token') ?? token;
    const json = (await response.json()) as T & { errors?: Array<{ code: string; long_message: string }> };
    if (!response.ok) {
      const first = json.errors?.[0];
      throw new Error(`seedUser(${input.email}): ${method} ${path} answered ${response.status} ${first?.code ?? ''}: ${first?.long_message ?? ''}`);
    }
    return json;
  };

  const created = await call<ClientResponseJSON<SignUpJSON>>('POST', '/client/sign_ups', {
    email_address: input.email,
    password: input.password,
    first_name: input.firstName,
    last_name: input.lastName,
    username: input.username,
  });
  let signUp = created.response;
  if (signUp.status !== 'complete' && (await verifiesByLinkOnly(deps))) {
    // An instance that verifies addresses by link only: the link, confirmed by this same client.
    await call('POST', `/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_link', redirect_url: `${deps.origin}/sign-up/verify` });
    await deps.deliverOutbox();
    const token = await takeMessage(deps, input.email, (text) => /[?&]__usher_link=([^&\s]+)/.exec(text)?.[1]);
    signUp = (await call<ClientResponseJSON<EmailLinkConfirmationJSON>>('POST', '/client/email_links/confirm', { token: decodeURIComponent(token) })).response.sign_up ?? signUp;
  } else if (signUp.status !== 'complete') {
    await call('POST', `/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
    await deps.deliverOutbox();
    const code = await takeMessage(deps, input.email, (text) => /\b(\d{6})\b/.exec(text)?.[1]);
    signUp = (await call<ClientResponseJSON<SignUpJSON>>('POST', `/client/sign_ups/${signUp.id}/attempt_verification`, { strategy: 'email_code', code })).response;
  }
  if (signUp.status !== 'complete' || !signUp.created_user_id) {
    throw new Error(`seedUser(${input.email}): the sign-up ended "${signUp.status}" (missing: ${signUp.missing_fields.join(', ') || 'none'})`);
  }
  let totpSecret: string | null = null;
  let backupCodes: string[] = [];
  if (input.totp) {
    const started = await call<ClientResponseJSON<TotpJSON>>('POST', '/me/totp', {});
    totpSecret = started.response.secret;
    const enabled = await call<ClientResponseJSON<TotpJSON>>('POST', '/me/totp/attempt_verification', { code: await totpCodeOf(totpSecret ?? '', deps.now()) });
    backupCodes = enabled.response.backup_codes ?? [];
  }
  await call('DELETE', '/client/sessions', {});
  return {
    id: signUp.created_user_id,
    email: input.email,
    password: input.password,
    firstName: signUp.first_name,
    lastName: signUp.last_name,
    username: signUp.username,
    totpSecret,
    backupCodes,
  };
}

async function verifiesByLinkOnly(deps: SeedDeps): Promise<boolean> {
  const response = await deps.fetch(new Request(`${deps.origin}/v1/environment`, { headers: { origin: deps.origin } }));
  const environment = (await response.json()) as EnvironmentJSON;
  return !environment.user_settings.attributes.email_address.verifications.includes('email_code');
}

/** The code or link token of the newest email to `email`, which is then hidden from the mailbox. */
async function takeMessage(deps: SeedDeps, email: string, find: (text: string) => string | undefined): Promise<string> {
  const page = await deps.store().listDevMessages({ channel: 'email', limit: 10_000, offset: 0 });
  const wanted = email.trim().toLowerCase();
  const message = page.data.filter((m) => m.to.trim().toLowerCase() === wanted).at(-1);
  const found = message ? find(message.text) : undefined;
  if (!message || !found) throw new Error(`seedUser(${email}): no verification email arrived`);
  deps.hideMessage(message.id);
  return found;
}
