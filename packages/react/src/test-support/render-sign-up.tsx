/**
 * What the SignUp tests share: <SignUp routing="virtual"/> inside a provider whose Usher talks to
 * the mock app (destroyed after the test with the app's other instances). Test-only; not exported
 * by the package.
 */
import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { SignUp, type SignUpProps } from '../components/SignUp/SignUp.tsx';
import { UsherProvider, type UsherProviderProps } from '../provider/UsherProvider.tsx';
import type { MockApp } from './mock-app.ts';

export interface RenderSignUpOptions {
  /** Props of <SignUp/> (routing is virtual unless given). */
  props?: SignUpProps;
  /** Provider props besides the client and routerPush (appearance, localization…). */
  provider?: Omit<UsherProviderProps, 'usher' | 'routerPush' | 'children'>;
  /** Rendered after <SignUp/> inside the provider, e.g. a probe that prints who is signed in. */
  children?: ReactNode;
  /** Options of user-event's `setup` (fake timers need `advanceTimers`). */
  userEvent?: Parameters<typeof userEvent.setup>[0];
}

/**
 * Renders the sign-up form against the mock app.
 *
 * @example
 * const app = setupMockApp();
 * const { user, routerPush } = renderSignUp(app, { children: <Probe /> });
 * await user.type(await screen.findByLabelText('Email address'), 'ada@example.com');
 */
export function renderSignUp(app: Pick<MockApp, 'newUsher'>, options: RenderSignUpOptions = {}) {
  const usher = app.newUsher();
  const routerPush = vi.fn();
  render(
    <UsherProvider {...options.provider} usher={usher} routerPush={routerPush}>
      <SignUp routing="virtual" {...options.props} />
      {options.children}
    </UsherProvider>,
  );
  return { usher, routerPush, user: userEvent.setup(options.userEvent) };
}
