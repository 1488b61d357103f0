import { act, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { RouterProvider } from '../router/RouterProvider.tsx';
import { SignInLikeTree } from './ssr-fixture.tsx';

let consoleError: MockInstance<typeof console.error>;
let root: Root | null = null;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
  window.history.replaceState(null, '', '/sign-in/factor-one');
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  consoleError.mockRestore();
  window.history.replaceState(null, '', '/');
});

// A client whose load never answers: hydration is about markup, not the API.
const options = { fetch: () => new Promise<Response>(() => undefined), storage: null };

function App() {
  return (
    <UsherProvider frontendApi="" options={options} appearance={{ variables: { colorPrimary: '#0f766e' } }}>
      <RouterProvider routing="path" path="/sign-in" initialPath="/sign-in/factor-one">
        <SignInLikeTree />
      </RouterProvider>
    </UsherProvider>
  );
}

describe('hydrating server-rendered components', () => {
  it('hydrates the server markup (styles included) without a single console.error, then works', async () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(<App />);
    document.body.append(container);
    const serverInput = container.querySelector('input[name="identifier"]');

    await act(async () => {
      root = hydrateRoot(container, <App />, { onRecoverableError: (error) => console.error('recoverable', error) });
    });

    expect(consoleError).not.toHaveBeenCalled();
    // Hydration adopted the server's nodes instead of re-creating them.
    expect(container.querySelector('input[name="identifier"]')).toBe(serverInput);
    // React 19 keeps the hoisted sheet; React 18 keeps it in place. Either way it is still there.
    expect(document.querySelectorAll('style[data-precedence="usher"], style[data-usher]').length).toBeGreaterThan(0);
    expect(screen.getByTestId('route').textContent).toBe('route:factor-one');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show password' }));
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('text');
    expect(consoleError).not.toHaveBeenCalled();
  });
});
