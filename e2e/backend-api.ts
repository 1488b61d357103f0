/** The dev stack's Backend API, as an app's server calls it (the secret key `usher dev` wrote). Test-only. */
import { expect, inject } from 'vitest';

/** One Backend API call that must answer 200. */
export async function backendApi(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${inject('usherUrl')}/backend/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${inject('secretKey')}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** PATCH /backend/v1/instance: changes instance settings for the tests of one file. */
export const patchInstance = (settings: Record<string, unknown>): Promise<void> => backendApi('PATCH', '/instance', settings);
