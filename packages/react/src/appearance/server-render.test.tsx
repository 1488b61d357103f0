// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { RouterProvider } from '../router/RouterProvider.tsx';
import { SignInLikeTree } from './ssr-fixture.tsx';

describe('server rendering of the component foundation', () => {
  it('renders a card, fields, an OTP input and a menu without a window, styles included', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const html = renderToString(
      <UsherProvider frontendApi="https://auth.example.com" localization={{ signIn: { start: { subtitle: 'Server subtitle' } } }}>
        <RouterProvider routing="path" path="/sign-in" initialPath="/sign-in/factor-one?redirect=%2F">
          <SignInLikeTree />
        </RouterProvider>
      </UsherProvider>,
    );
    // The stylesheets travel with the HTML: base styles, variables and style objects, all layered.
    // React 19 merges the sheets into one hoisted <style data-precedence>; React 18 writes each in place.
    expect(html).toMatch(/<style (data-precedence="usher" data-href|data-usher)="usher-base-[0-9a-z]+[^"]*">@layer theme,base,usher\.base,usher\.theme,usher\.custom,components,utilities;@layer usher\.base\{/);
    expect(html.indexOf('<style')).toBeLessThan(html.indexOf('usher-rootBox usher-v'));
    expect(html).toContain('--usher-color-primary:#4f46e5');
    expect(html).toMatch(/@layer usher\.custom\{\.usher-c[0-9a-z]+\{border-width:2px;\}\}/);
    // Markup: classes, ARIA, autocomplete, localization, the route from the request path.
    expect(html).toContain('class="usher-rootBox usher-v');
    expect(html).toContain('Server subtitle');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/autocomplete="one-time-code"/i);
    expect(html).toMatch(/inputmode="numeric"/i);
    expect(html).toContain('aria-haspopup="menu"');
    expect(html).toContain('route:<!-- -->factor-one');
    expect(html).toContain('btn-brand');
    expect(html).toContain('Resend (30)');
  });

  it('renders the not-loaded state of the provider on the server (load() only runs in the browser)', () => {
    const usher = new Usher({ frontendApi: 'https://auth.example.com', fetch: () => Promise.reject(new Error('the server must not fetch')) });
    const html = renderToString(
      <UsherProvider usher={usher} initialState={{ userId: 'user_1', sessionId: 'sess_1' }}>
        <RouterProvider routing="hash">
          <SignInLikeTree />
        </RouterProvider>
      </UsherProvider>,
    );
    expect(usher.isLoaded).toBe(false);
    expect(html).toContain('route:<!-- -->start'); // the hash never reaches the server
    usher.destroy();
  });
});
