import { describe, expect, it } from 'vitest';
import { createManualClock } from '../services/clock.ts';
import { createId, isWellFormedId } from './ids.ts';
import { webCryptoRandom } from './random.ts';

describe('ids', () => {
  it('carry their prefix and 128 random bits', () => {
    const clock = createManualClock();
    const id = createId('user', clock, webCryptoRandom);
    expect(id).toMatch(/^user_[0-9a-z]{36}$/);
    expect(isWellFormedId('user', id)).toBe(true);
    expect(isWellFormedId('sess', id)).toBe(false);
  });

  it('sort by creation time', () => {
    const clock = createManualClock(1_000);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      ids.push(createId('sess', clock, webCryptoRandom));
      clock.advance(1 + (i % 3));
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('do not repeat within the same millisecond', () => {
    const clock = createManualClock();
    const ids = new Set(Array.from({ length: 1000 }, () => createId('client', clock, webCryptoRandom)));
    expect(ids.size).toBe(1000);
  });

  it('reject anything that is not of the generated shape', () => {
    for (const bad of ['user_', 'user_../../etc', 'USER_01', `user_${'A'.repeat(36)}`, `user_${'0'.repeat(35)}`]) expect(isWellFormedId('user', bad)).toBe(false);
  });
});
