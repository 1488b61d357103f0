import { act, cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NavigationContext } from './NavigationContext.ts';
import { Route } from './Route.tsx';
import { RouterProvider, useRouter } from './RouterProvider.tsx';

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

/** A two-step component: shows the route and buttons that navigate. */
function Steps() {
  const { route, navigate, searchParams, href } = useRouter();
  return (
    <div>
      <p data-testid="route">{route || 'start'}</p>
      <p data-testid="query">{searchParams.get('from') ?? ''}</p>
      <a href={href('factor-one')}>link</a>
      <button onClick={() => navigate('factor-one?from=start')}>next</button>
      <button onClick={() => navigate('', { replace: true })}>restart</button>
      <Route index>
        <p>start page</p>
      </Route>
      <Route path="factor-one">
        <p>password page</p>
      </Route>
    </div>
  );
}

const route = () => screen.getByTestId('route').textContent;

describe('path routing', () => {
  it('reads the step below the component path and navigates with the History API by default', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/sign-in');
    render(
      <RouterProvider routing="path" path="/sign-in">
        <Steps />
      </RouterProvider>,
    );
    expect(route()).toBe('start');
    expect(screen.getByRole('link', { name: 'link' }).getAttribute('href')).toBe('/sign-in/factor-one');
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(window.location.pathname).toBe('/sign-in/factor-one');
    expect(route()).toBe('factor-one');
    expect(screen.getByTestId('query').textContent).toBe('start');
    expect(screen.getByText('password page')).toBeTruthy();
    expect(screen.queryByText('start page')).toBeNull();
  });

  it('follows Back and Forward (popstate)', async () => {
    window.history.replaceState(null, '', '/sign-in/factor-one');
    render(
      <RouterProvider routing="path" path="/sign-in/">
        <Steps />
      </RouterProvider>,
    );
    expect(route()).toBe('factor-one');
    await act(async () => {
      window.history.replaceState(null, '', '/sign-in');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(route()).toBe('start');
  });

  it('navigates through the app router given to the provider (routerPush / routerReplace)', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/sign-in');
    // Like Next.js: the app router changes the URL itself.
    const routerPush = vi.fn((to: string) => window.history.pushState(null, '', to));
    const routerReplace = vi.fn((to: string) => window.history.replaceState(null, '', to));
    render(
      <NavigationContext.Provider value={{ routerPush, routerReplace }}>
        <RouterProvider routing="path" path="/sign-in">
          <Steps />
        </RouterProvider>
      </NavigationContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(routerPush).toHaveBeenCalledWith('/sign-in/factor-one?from=start');
    expect(route()).toBe('factor-one');
    await user.click(screen.getByRole('button', { name: 'restart' }));
    expect(routerReplace).toHaveBeenCalledWith('/sign-in');
    expect(route()).toBe('start');
  });

  it('refuses path routing without a path', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<RouterProvider routing="path">x</RouterProvider>)).toThrow(TypeError);
    vi.mocked(console.error).mockRestore();
  });
});

describe('hash routing', () => {
  it('keeps the step in #/… and follows hash changes made elsewhere', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/account');
    render(
      <RouterProvider routing="hash">
        <Steps />
      </RouterProvider>,
    );
    expect(route()).toBe('start');
    expect(screen.getByRole('link', { name: 'link' }).getAttribute('href')).toBe('#/factor-one');
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(window.location.pathname).toBe('/account');
    expect(window.location.hash).toBe('#/factor-one?from=start');
    expect(route()).toBe('factor-one');
    expect(screen.getByTestId('query').textContent).toBe('start');
    await act(async () => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(route()).toBe('start');
  });
});

describe('virtual routing', () => {
  it('keeps the step in memory and never touches the URL', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/storybook');
    const wrap = (children: ReactNode) => (
      <RouterProvider routing="virtual" initialRoute="">
        {children}
      </RouterProvider>
    );
    render(wrap(<Steps />));
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(route()).toBe('factor-one');
    expect(screen.getByTestId('query').textContent).toBe('start');
    expect(window.location.pathname + window.location.hash).toBe('/storybook');
  });

  it('starts at initialRoute', () => {
    render(
      <RouterProvider routing="virtual" initialRoute="/factor-one/">
        <Steps />
      </RouterProvider>,
    );
    expect(route()).toBe('factor-one');
  });
});

describe('leaving the component', () => {
  it('redirects within the app through the app router', async () => {
    const routerPush = vi.fn();
    let redirect: ((url: string) => Promise<void>) | undefined;
    function Capture() {
      redirect = useRouter().redirect;
      return null;
    }
    render(
      <NavigationContext.Provider value={{ routerPush }}>
        <RouterProvider routing="virtual">
          <Capture />
        </RouterProvider>
      </NavigationContext.Provider>,
    );
    await act(() => redirect!('/dashboard'));
    expect(routerPush).toHaveBeenCalledWith('/dashboard');
  });

  it('needs a RouterProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Lost() {
      useRouter();
      return null;
    }
    expect(() => render(<Lost />)).toThrow(TypeError);
    vi.mocked(console.error).mockRestore();
  });
});
