import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory/index.ts';
import { defaultInstanceConfig, INSTANCE_CONFIG_KEY } from './instance.ts';
import { loadInstanceConfig, mergeInstanceConfig } from './load.ts';

describe('instance config', () => {
  it('is the defaults when nothing is stored', async () => {
    expect(await loadInstanceConfig(createMemoryStore())).toEqual(defaultInstanceConfig());
  });

  it('merges a partial stored document over the defaults, key by key', async () => {
    const store = createMemoryStore();
    await store.putSetting(INSTANCE_CONFIG_KEY, { lockout: { maxAttempts: 3 }, applicationName: 'Acme' });
    const config = await loadInstanceConfig(store);
    expect(config.lockout).toEqual({ maxAttempts: 3, lockSeconds: 3600 });
    expect(config.applicationName).toBe('Acme');
    expect(config.password).toEqual(defaultInstanceConfig().password);
  });

  it('never shares objects with its inputs', () => {
    const base = defaultInstanceConfig();
    const merged = mergeInstanceConfig(base, null);
    merged.lockout.maxAttempts = 1;
    expect(base.lockout.maxAttempts).toBe(100);
  });
});
