import type { RequestState } from '../request/authenticate-request.ts';

/** The 401 body `requireAuth` answers: the Usher API's error shape, with the reason in `meta`. */
export function unauthorizedBody(state: RequestState): { errors: Array<{ code: 'authentication_invalid'; message: string; long_message: string; meta: { reason: string } }> } {
  const reason = state.status === 'signed-out' ? state.reason : 'unknown';
  return {
    errors: [{ code: 'authentication_invalid', message: 'Not signed in', long_message: 'This request needs a valid Usher session token (the __session cookie or Authorization: Bearer).', meta: { reason } }],
  };
}
