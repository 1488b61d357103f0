import type { ClientResponseJSON, SignInJSON } from '@usher/protocol';
import type { UsherMock } from './setup-usher-mock.ts';

export interface SignInClientInput {
  /** Email address or username of a user seeded with a password. */
  identifier: string;
  password: string;
  /** Add the session to this bearer client (multi-session); default a new client. */
  clientToken?: string | null;
}

export interface SignedInClient {
  /** The bearer client token: pass it to `new Usher({ transport: 'bearer', clientToken })`. */
  clientToken: string;
  sessionId: string;
  userId: string;
}

/**
 * Signs a bearer-mode client in with a password through the real sign-in endpoint, straight on
 * the mock's app (no network, no Origin or cookies needed, so it works the same in Node and in a
 * browser page). Storybook stories use it to start signed in.
 *
 * @example
 * const user = await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
 * const { clientToken } = await signInClient(mock, { identifier: user.email, password: 'correct horse battery staple' });
 * const usher = new Usher({ frontendApi: mock.origin, transport: 'bearer', clientToken });
 */
export async function signInClient(mock: Pick<UsherMock, 'app' | 'origin'>, input: SignInClientInput): Promise<SignedInClient> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (input.clientToken) headers.authorization = `Bearer ${input.clientToken}`;
  else headers['x-usher-bearer'] = '1';
  const response = await mock.app.fetch(
    new Request(`${mock.origin}/v1/client/sign_ins`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ identifier: input.identifier, strategy: 'password', password: input.password }),
    }),
  );
  const json = (await response.json()) as Partial<ClientResponseJSON<SignInJSON>> & { errors?: Array<{ code: string; long_message: string }> };
  if (!response.ok) {
    const first = json.errors?.[0];
    throw new Error(`signInClient(${input.identifier}): answered ${response.status} ${first?.code ?? ''}: ${first?.long_message ?? ''}`);
  }
  const signIn = json.response;
  const clientToken = response.headers.get('x-usher-client-token');
  const session = json.client?.sessions.find((s) => s.id === signIn?.created_session_id);
  if (!signIn || signIn.status !== 'complete' || !session || !clientToken) {
    throw new Error(`signInClient(${input.identifier}): the sign-in ended "${signIn?.status ?? 'unknown'}" (a password sign-in of a user without second factor completes at once)`);
  }
  return { clientToken, sessionId: session.id, userId: session.user.id };
}
