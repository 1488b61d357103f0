import { cleanup, render, screen } from '@testing-library/react';
import { createTheme } from '@usher/themes';
import { afterEach, describe, expect, it } from 'vitest';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { Usher } from '@usher/core';
import type { ReactNode } from 'react';
import { AppearanceScope } from './AppearanceScope.tsx';
import type { ProviderAppearance } from './types.ts';
import { useElements } from './use-elements.ts';

afterEach(cleanup);

/** Every sheet Usher emitted: hoisted into <head> (React 19) or in place (React 18). */
function emittedCss(): string {
  return Array.from(document.querySelectorAll('style[data-precedence="usher"], style[data-usher]'), (s) => s.textContent).join('\n');
}

function withProvider(appearance: ProviderAppearance, children: ReactNode) {
  // A client that never loads: these tests are about styling, not the API.
  const usher = new Usher({ frontendApi: '', fetch: () => new Promise<Response>(() => undefined), storage: null });
  return (
    <UsherProvider usher={usher} appearance={appearance}>
      {children}
    </UsherProvider>
  );
}

function Social({ state }: { state?: 'loading' | 'error' }) {
  const el = useElements();
  return (
    <button data-testid="google" {...el('socialButtonsIconButton', { id: 'google', state })}>
      Google
    </button>
  );
}

describe('<AppearanceScope> and useElements()', () => {
  it('gives every element its stable class, its __id variant and its __state variant', () => {
    render(
      <AppearanceScope component="signIn">
        <Social state="loading" />
      </AppearanceScope>,
    );
    expect(screen.getByTestId('google').className.split(' ')).toEqual(['usher-socialButtonsIconButton', 'usher-socialButtonsIconButton__google', 'usher-socialButtonsIconButton__loading']);
  });

  it('renders the root box with the variables class and the component name', () => {
    const { container } = render(<AppearanceScope component="signIn" appearance={{ layout: { animations: false } }} />);
    const root = container.querySelector('.usher-rootBox')!;
    expect(root.className).toMatch(/^usher-rootBox usher-v[0-9a-z]+$/);
    expect(root.getAttribute('data-usher-component')).toBe('signIn');
    expect(root.getAttribute('data-usher-animations')).toBe('off');
  });

  it('applies a class string from the provider and one from the component prop, and the variant keys', () => {
    render(
      withProvider(
        { elements: { socialButtonsIconButton: 'rounded-full' }, signIn: { elements: { socialButtonsIconButton__google: 'bg-white' } } },
        <AppearanceScope component="signIn" appearance={{ elements: { socialButtonsIconButton: 'shadow-none', socialButtonsIconButton__loading: 'opacity-50' } }}>
          <Social state="loading" />
        </AppearanceScope>,
      ),
    );
    const classes = screen.getByTestId('google').className.split(' ');
    expect(classes).toEqual(expect.arrayContaining(['usher-socialButtonsIconButton', 'rounded-full', 'shadow-none', 'bg-white', 'opacity-50']));
    expect(classes.indexOf('rounded-full')).toBeLessThan(classes.indexOf('shadow-none'));
  });

  it('turns a style object into a generated class whose CSS sits inside the usher.custom layer', () => {
    render(
      <AppearanceScope component="signIn" appearance={{ elements: { socialButtonsIconButton: { borderRadius: 999, '&:hover': { backgroundColor: 'rebeccapurple' } } } }}>
        <Social />
      </AppearanceScope>,
    );
    const generated = screen.getByTestId('google').className.split(' ').find((c) => /^usher-c[0-9a-z]+$/.test(c));
    expect(generated).toBeDefined();
    expect(emittedCss()).toContain(`@layer usher.custom{.${generated}{border-radius:999px;}.${generated}:hover{background-color:rebeccapurple;}}`);
  });

  it('emits the base styles and the variables in layers, declared in the order base < theme < custom', () => {
    const { container } = render(<AppearanceScope component="signIn" appearance={{ variables: { colorPrimary: '#0f766e' } }} />);
    const scope = container.querySelector('.usher-rootBox')!.className.split(' ')[1];
    const css = emittedCss();
    expect(css.startsWith('@layer theme,base,usher.base,usher.theme,usher.custom,components,utilities;')).toBe(true);
    expect(css).toContain('@layer usher.base{.usher-rootBox{');
    expect(css).toContain(`@layer usher.theme{.${scope}{--usher-color-primary:#0f766e;--usher-color-primary-50:`);
    // No selector of Usher's lives outside a layer: the app's unlayered CSS wins without !important.
    const outside = css.replace(/@layer [\w.]+\{(?:[^{}]|\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})*\}/g, '').replace(/@layer [\w.,]+;/g, '');
    expect(outside.trim()).toBe('');
  });

  it('lets a theme restyle through the same engine (theme layer) and a prop theme replace the app theme', () => {
    const theme = createTheme({ elements: { socialButtonsIconButton: { color: 'white' } } });
    render(
      <AppearanceScope component="signIn" appearance={{ baseTheme: theme }}>
        <Social />
      </AppearanceScope>,
    );
    const generated = screen.getByTestId('google').className.split(' ').find((c) => /^usher-t[0-9a-z]+$/.test(c));
    expect(emittedCss()).toContain(`@layer usher.theme{.${generated}{color:white;}}`);
  });

  it('still gives stable classes to an element rendered outside any scope', () => {
    render(<Social />);
    expect(screen.getByTestId('google').className).toBe('usher-socialButtonsIconButton usher-socialButtonsIconButton__google');
  });
});
