import type { Provider } from 'oidc-provider';

type ProviderClass = typeof Provider;

let loaded: Promise<ProviderClass> | undefined;

/**
 * Imports oidc-provider once. Its module body warns "Unsupported runtime. Use Node.js v22.x LTS"
 * on Node 20 (it works there): that one line is swallowed while the module loads.
 */
export function loadProvider(): Promise<ProviderClass> {
  loaded ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return;
      warn.apply(console, args);
    };
    try {
      const mod = await import('oidc-provider');
      return mod.Provider;
    } finally {
      console.warn = warn;
    }
  })();
  return loaded;
}
