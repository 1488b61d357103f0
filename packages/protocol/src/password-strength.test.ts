import { describe, expect, it } from 'vitest';
import { loadPasswordStrength } from './password-strength.ts';

describe('loadPasswordStrength', () => {
  it('scores common passwords 0 with a warning and passphrases 4', async () => {
    const estimate = await loadPasswordStrength();
    expect(estimate('password')).toMatchObject({ score: 0, warning: expect.stringMatching(/commonly used|heavily used/i) });
    expect(estimate('qwertyuiop').score).toBe(0);
    expect(estimate('correct horse battery staple').score).toBe(4);
  });

  it('counts the user’s own words against the password', async () => {
    const estimate = await loadPasswordStrength();
    expect(estimate('zebramcwhistle').score).toBe(4);
    expect(estimate('zebramcwhistle', ['zebra', 'mcwhistle']).score).toBeLessThan(2);
  });

  it('loads the dictionaries once, and a 10 KB password is estimated without blowing up', async () => {
    expect(await loadPasswordStrength()).toBe(await loadPasswordStrength());
    const estimate = await loadPasswordStrength();
    expect(estimate('a'.repeat(10_240)).score).toBeGreaterThanOrEqual(0);
  });
});
