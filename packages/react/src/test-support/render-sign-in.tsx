/**
 * What the SignIn tests share: <SignIn/> (virtual routing unless told otherwise) inside a provider
 * whose Usher talks to the mock app, next to a probe that prints who is signed in
 * (`getByLabelText('auth state')`: loading, signed in, signed out). Test-only; not exported.
 */
import type { Usher } from '@usher/core';
import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import { SignIn, type SignInProps } from '../components/SignIn/SignIn.tsx';
import { useAuth } from '../hooks/use-auth.ts';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import type { MockApp } from './mock-app.ts';

/** Prints who is signed in: `getByLabelText('auth state')` reads loading, signed in or signed out. */
export function AuthProbe() {
  const { isSignedIn } = useAuth();
  return <output aria-label="auth state">{isSignedIn === undefined ? 'loading' : isSignedIn ? 'signed in' : 'signed out'}</output>;
}

export interface RenderSignInOptions {
  props?: SignInProps;
  /** An Usher of the app's own (already signed in, say); default a fresh one. */
  usher?: Usher;
}

/**
 * @example
 * const app = setupMockApp();
 * const { user, routerPush } = renderSignIn(app);
 * await user.type(await screen.findByLabelText('Email address'), 'ada@example.com{Enter}');
 */
export function renderSignIn(app: Pick<MockApp, 'newUsher' | 'instances'>, options: RenderSignInOptions = {}) {
  const usher = options.usher ?? app.newUsher();
  if (options.usher) app.instances.push(options.usher);
  const routerPush = vi.fn();
  const view = render(
    <UsherProvider usher={usher} routerPush={routerPush}>
      <SignIn routing="virtual" {...options.props} />
      <AuthProbe />
    </UsherProvider>,
  );
  return { ...view, usher, routerPush, user: userEvent.setup() };
}
