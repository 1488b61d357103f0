import { AVATAR_PALETTE } from '@usher/protocol';
import { describe, expect, it } from 'vitest';
import { avatarBackground, avatarHash, contrastRatio, readableTextColor } from './avatar-colors.ts';

describe('avatar colours', () => {
  it('hash the seed the way boring-avatars does', () => {
    // boring-avatars 2.0.4: hashCode('Clara Barton')
    let expected = 0;
    for (const ch of 'Clara Barton') expected = ((expected << 5) - expected + ch.charCodeAt(0)) | 0;
    expect(avatarHash('Clara Barton')).toBe(Math.abs(expected));
    expect(avatarHash('')).toBe(0);
  });

  it('pick the background from the shared palette, the same for the same seed', () => {
    for (const seed of ['user_a', 'user_b', 'user_c', 'x'.repeat(128)]) {
      expect(AVATAR_PALETTE).toContain(avatarBackground(seed));
      expect(avatarBackground(seed)).toBe(avatarBackground(seed));
    }
  });

  it('put text in white or black with at least 4.5:1 contrast on any colour', () => {
    for (const background of [...AVATAR_PALETTE, '#777777', '#767676', '#808080', '#FF0000', '#00FF00', '#0000FF', '#FFFF00', '#000000', '#FFFFFF']) {
      expect(contrastRatio(background, readableTextColor(background)), background).toBeGreaterThanOrEqual(4.5);
    }
    for (let grey = 0; grey < 256; grey++) {
      const hex = `#${grey.toString(16).padStart(2, '0').repeat(3)}`;
      expect(contrastRatio(hex, readableTextColor(hex)), hex).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('measure contrast per WCAG 2', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBe(1);
  });
});
