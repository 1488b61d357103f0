import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NavigationContext } from './NavigationContext.ts';
import { RouterProvider, useRouter } from './RouterProvider.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function Route() {
  return <p data-testid="route">{useRouter().route || 'start'}</p>;
}

describe('path routing and hash routes of links built without knowing the routing', () => {
  it('moves `/sign-in#/continue` to `/sign-in/continue`, keeping the query', async () => {
    window.history.replaceState(null, '', '/sign-in?redirect_url=%2Fdashboard#/continue');
    render(
      <RouterProvider routing="path" path="/sign-in">
        <Route />
      </RouterProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('route').textContent).toBe('continue'));
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/sign-in/continue?redirect_url=%2Fdashboard');
  });

  it('goes through the host router (replace), and leaves in-page anchors (`#section`) alone', async () => {
    const routerReplace = vi.fn();
    window.history.replaceState(null, '', '/sign-in#/factor-two?strategy=totp');
    const first = render(
      <NavigationContext.Provider value={{ routerReplace }}>
        <RouterProvider routing="path" path="/sign-in">
          <Route />
        </RouterProvider>
      </NavigationContext.Provider>,
    );
    await waitFor(() => expect(routerReplace).toHaveBeenCalledWith('/sign-in/factor-two?strategy=totp'));
    first.unmount();

    window.history.replaceState(null, '', '/sign-in#help');
    render(
      <RouterProvider routing="path" path="/sign-in">
        <Route />
      </RouterProvider>,
    );
    expect(screen.getByTestId('route').textContent).toBe('start');
    expect(window.location.hash).toBe('#help');
  });
});
