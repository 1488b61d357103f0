import { describe, expect, it } from 'vitest';
import { mergeStyles, styleToCss } from './serialize.ts';

describe('style objects to CSS', () => {
  it('writes kebab-case properties, px for bare numbers where CSS needs a unit, none for unitless ones', () => {
    expect(styleToCss('.x', { backgroundColor: 'red', marginTop: 4, lineHeight: 1.5, zIndex: 3, opacity: 0, WebkitAppearance: 'none', '--brand': '#fff' })).toBe(
      '.x{background-color:red;margin-top:4px;line-height:1.5;z-index:3;opacity:0;-webkit-appearance:none;--brand:#fff;}',
    );
  });

  it('nests selectors with &, pseudo-classes, descendants and comma lists', () => {
    expect(styleToCss('.x', { '&:hover': { color: 'red' }, ':focus-visible': { outline: 'none' }, svg: { width: 16 }, '&:hover, &[data-state=open]': { color: 'blue' } })).toBe(
      '.x:hover{color:red;}.x:focus-visible{outline:none;}.x svg{width:16px;}.x:hover,.x[data-state=open]{color:blue;}',
    );
  });

  it('wraps at-rules around the current selector', () => {
    expect(styleToCss('.x', { padding: 8, '@media (max-width: 30em)': { padding: 4, '&:hover': { color: 'red' } } })).toBe('.x{padding:8px;}@media (max-width: 30em){.x{padding:4px;}.x:hover{color:red;}}');
  });

  it('skips empty values', () => {
    expect(styleToCss('.x', { color: undefined, margin: null, padding: '' })).toBe('');
  });

  it('merges nested objects key by key', () => {
    expect(mergeStyles({ color: 'red', '&:hover': { color: 'blue', opacity: 1 } }, { '&:hover': { color: 'green' } })).toEqual({ color: 'red', '&:hover': { color: 'green', opacity: 1 } });
  });
});
