/**
 * For component tests that run the server's OAuth code in-process (jsdom environment). Imported
 * for its effect, before anything else, by test-support/oauth-provider.ts. Test-only.
 */
import { deserialize, serialize } from 'node:v8';
// Vitest's jsdom environment puts jsdom's ArrayBuffer and typed arrays on globalThis, while Node's
// WebCrypto, TextEncoder and Buffer make Node's: `instanceof` checks in the server's OAuth code
// (oauth4webapi, jose) then fail. Node's own constructors, taken back from V8.
for (const name of ['ArrayBuffer', 'DataView', 'Uint8Array', 'Uint8ClampedArray', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'] as const) {
  const sample = name === 'ArrayBuffer' ? new ArrayBuffer(0) : name === 'DataView' ? new DataView(new ArrayBuffer(0)) : new (globalThis[name] as unknown as new (n: number) => unknown)(0);
  Object.defineProperty(globalThis, name, { value: (deserialize(serialize(sample)) as object).constructor, writable: true, configurable: true });
}
export {};
