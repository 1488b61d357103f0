import { setupMockApp } from '../test-support/mock-app.ts';
import { cleanup, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { Protect } from './Protect.tsx';

const { mock, instances } = setupMockApp();
afterEach(() => {
  cleanup();
});

function fresh(): Usher {
  const usher = new Usher({ frontendApi: '' });
  instances.push(usher);
  return usher;
}

async function signedIn(email = 'ada@example.com'): Promise<Usher> {
  await mock.seedUser({ email, password: 'correct horse battery staple' });
  const usher = fresh();
  await usher.load();
  const attempt = await usher.signIn.create({ identifier: email, strategy: 'password', password: 'correct horse battery staple' });
  await usher.setActive({ session: attempt.createdSessionId });
  return usher;
}

/** An unsigned token (Protect never verifies: it only reads) carrying an active organization. */
function tokenWithOrganization(claims: Record<string, unknown>) {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return http.post('*/v1/client/sessions/:sessionId/tokens', async ({ params }) => {
    const sessionId = String(params.sessionId);
    const sub = instances.at(-1)?.user?.id ?? 'user_unknown';
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: 'http://localhost:3000', sub, sid: sessionId, iat: now, nbf: now, exp: now + 60, fva: [0, -1], ...claims };
    return HttpResponse.json({ object: 'token', jwt: `${encode({ alg: 'none' })}.${encode(payload)}.sig` });
  });
}

describe('Protect', () => {
  it('renders nothing, not even the fallback, while loading', () => {
    const { container } = render(
      <UsherProvider usher={fresh()}>
        <Protect fallback={<p>Sign in to see this</p>}>
          <p>Secret</p>
        </Protect>
      </UsherProvider>,
    );
    expect(container.innerHTML).toBe('');
  });

  it('renders the fallback to a signed-out visitor', async () => {
    render(
      <UsherProvider usher={fresh()}>
        <Protect fallback={<p>Sign in to see this</p>}>
          <p>Secret</p>
        </Protect>
      </UsherProvider>,
    );
    expect(await screen.findByText('Sign in to see this')).toBeTruthy();
    expect(screen.queryByText('Secret')).toBeNull();
  });

  it('with no check, renders the children to any signed-in user', async () => {
    render(
      <UsherProvider usher={await signedIn()}>
        <Protect fallback={<p>Sign in to see this</p>}>
          <p>Secret</p>
        </Protect>
      </UsherProvider>,
    );
    expect(await screen.findByText('Secret')).toBeTruthy();
    expect(screen.queryByText('Sign in to see this')).toBeNull();
  });

  it('fails closed: a role or a permission without an active organization renders the fallback', async () => {
    render(
      <UsherProvider usher={await signedIn()}>
        <Protect role="admin" fallback={<p>No role</p>}>
          <p>Admin area</p>
        </Protect>
        <Protect permission="org:invoices:read" fallback={<p>No permission</p>}>
          <p>Invoices</p>
        </Protect>
      </UsherProvider>,
    );
    expect(await screen.findByText('No role')).toBeTruthy();
    expect(await screen.findByText('No permission')).toBeTruthy();
    expect(screen.queryByText('Admin area')).toBeNull();
    expect(screen.queryByText('Invoices')).toBeNull();
  });

  it('given a token whose active organization grants a role and a permission, the matching checks pass (org: prefix implied)', async () => {
    const usher = await signedIn();
    mock.server.use(tokenWithOrganization({ org_id: 'org_1', org_role: 'org:admin', org_slug: 'acme', org_permissions: ['org:invoices:read'] }));
    // The cached token predates the override: fetch the new one, as the next refresh would.
    await usher.getToken({ skipCache: true });
    render(
      <UsherProvider usher={usher}>
        <Protect role="admin" fallback={<p>Not admin</p>}>
          <p>Admin area</p>
        </Protect>
        <Protect permission="invoices:read" fallback={<p>Cannot read invoices</p>}>
          <p>Invoices</p>
        </Protect>
        <Protect permission="org:invoices:delete" fallback={<p>Cannot delete invoices</p>}>
          <p>Delete invoices</p>
        </Protect>
        <Protect role="org:billing" fallback={<p>Not billing</p>}>
          <p>Billing</p>
        </Protect>
      </UsherProvider>,
    );
    expect(await screen.findByText('Admin area')).toBeTruthy();
    expect(screen.getByText('Invoices')).toBeTruthy();
    expect(screen.getByText('Cannot delete invoices')).toBeTruthy();
    expect(screen.getByText('Not billing')).toBeTruthy();
  });

  it('renders the children when the condition answers true and the fallback when it answers false', async () => {
    const usher = await signedIn();
    const condition = vi.fn((has: (params: { role: string }) => boolean) => !has({ role: 'admin' }));
    render(
      <UsherProvider usher={usher}>
        <Protect condition={condition} fallback={<p>Admins only see the admin page</p>}>
          <p>Member page</p>
        </Protect>
        <Protect condition={(has) => has({ permission: 'org:members:manage' })} fallback={<p>Cannot manage members</p>}>
          <p>Manage members</p>
        </Protect>
      </UsherProvider>,
    );
    expect(await screen.findByText('Member page')).toBeTruthy();
    expect(await screen.findByText('Cannot manage members')).toBeTruthy();
    expect(screen.queryByText('Manage members')).toBeNull();
    expect(condition).toHaveBeenCalledWith(expect.any(Function));
  });

  it('waits for the session claims before deciding a check: no flash of the fallback', async () => {
    const { container } = render(
      <UsherProvider usher={await signedIn()}>
        <Protect role="admin" fallback={<p>Not admin</p>}>
          <p>Admin area</p>
        </Protect>
      </UsherProvider>,
    );
    expect(container.innerHTML).toBe('');
    expect(await screen.findByText('Not admin')).toBeTruthy();
  });
});
