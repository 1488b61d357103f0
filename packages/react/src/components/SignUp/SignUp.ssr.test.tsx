// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../../provider/UsherProvider.tsx';
import { SignUp } from './SignUp.tsx';

describe('SignUp on the server', () => {
  it('renders the busy skeleton without window, in every routing mode', () => {
    expect(typeof window).toBe('undefined');
    for (const props of [{ routing: 'path' as const, path: '/sign-up' }, { routing: 'hash' as const }, { routing: 'virtual' as const }]) {
      const usher = new Usher({ frontendApi: 'https://auth.example.com' });
      const html = renderToString(
        <UsherProvider usher={usher}>
          <SignUp {...props} />
        </UsherProvider>,
      );
      expect(html).toContain('usher-rootBox');
      expect(html).toContain('aria-busy="true"');
      expect(html).toContain('Create your account');
      usher.destroy();
    }
  });
});
