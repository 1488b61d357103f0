import { setupMockApp } from '../test-support/mock-app.ts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Usher } from '@usher/core';
import { AppearanceScope } from '../appearance/AppearanceScope.tsx';
import { useLocalization } from '../localization/use-localization.ts';
import { Button } from '../primitives/Button.tsx';
import { Card } from '../primitives/Card.tsx';
import { RouterProvider, useRouter } from '../router/RouterProvider.tsx';
import { useInitialState } from './initial-state.ts';
import { UsherProvider } from './UsherProvider.tsx';

const { instances } = setupMockApp({ instanceConfig: { applicationName: 'Acme' } });
afterEach(() => {
  cleanup();
});

function usher() {
  const instance = new Usher({ frontendApi: '' });
  instances.push(instance);
  return instance;
}

/** A sign-in-like component, built as the real ones will be. */
function MiniSignIn() {
  const { t } = useLocalization();
  const { navigate, route } = useRouter();
  return (
    <AppearanceScope component="signIn">
      <Card title={t('signIn.start.title')}>
        <Button element="formButtonPrimary" onClick={() => navigate('factor-one')}>
          {t('formButtonPrimary')}
        </Button>
        <p>step: {route || 'start'}</p>
      </Card>
    </AppearanceScope>
  );
}

describe('<UsherProvider> for components', () => {
  it('hands appearance, localization, the app router and the instance’s name to every component', async () => {
    const user = userEvent.setup();
    const routerPush = vi.fn((to: string) => window.history.pushState(null, '', to));
    window.history.replaceState(null, '', '/sign-in');
    render(
      <UsherProvider
        usher={usher()}
        appearance={{ elements: { card: 'app-card' }, signIn: { elements: { formButtonPrimary: 'app-primary' } }, signUp: { elements: { card: 'not-for-sign-in' } } }}
        localization={{ formButtonPrimary: 'Weiter' }}
        routerPush={routerPush}
      >
        <RouterProvider routing="path" path="/sign-in">
          <MiniSignIn />
        </RouterProvider>
      </UsherProvider>,
    );
    // applicationName comes from the instance settings once the environment has loaded.
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Sign in to Acme'));
    const button = screen.getByRole('button', { name: 'Weiter' });
    expect(button.className).toContain('app-primary');
    expect(screen.getByRole('region').className).toContain('app-card');
    expect(screen.getByRole('region').className).not.toContain('not-for-sign-in');
    await user.click(button);
    expect(routerPush).toHaveBeenCalledWith('/sign-in/factor-one');
    expect(screen.getByText('step: factor-one')).toBeTruthy();
  });

  it('exposes the server-rendered auth state to components until the client knows better', () => {
    function Who() {
      return <p>{useInitialState()?.userId ?? 'nobody'}</p>;
    }
    render(
      <UsherProvider usher={usher()} initialState={{ userId: 'user_123', sessionId: 'sess_456' }}>
        <Who />
      </UsherProvider>,
    );
    expect(screen.getByText('user_123')).toBeTruthy();
  });
});
