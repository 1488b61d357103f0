import { describe, expect, it } from 'vitest';
import { computePosition } from './use-popover-position.ts';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 200 };

describe('popover positioning', () => {
  it('sits below the anchor, aligned to its start or end', () => {
    expect(computePosition(rect(600, 20, 40, 40), size, viewport, 'bottom-start', 8)).toEqual({ top: 68, left: 600, placement: 'bottom-start' });
    expect(computePosition(rect(600, 20, 40, 40), size, viewport, 'bottom-end', 8)).toEqual({ top: 68, left: 340, placement: 'bottom-end' });
  });

  it('flips above when there is no room below but room above', () => {
    expect(computePosition(rect(100, 700, 40, 40), size, viewport, 'bottom-start', 8)).toEqual({ top: 492, left: 100, placement: 'top-start' });
  });

  it('stays inside the viewport horizontally', () => {
    expect(computePosition(rect(900, 20, 40, 40), size, viewport, 'bottom-start', 8).left).toBe(692);
    expect(computePosition(rect(10, 20, 40, 40), size, viewport, 'bottom-end', 8).left).toBe(8);
  });
});
