/** An sRGB colour: channels 0–255 (unrounded), alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

// Only the keywords themes actually write; a full CSS named-colour table is not worth its bytes here.
const KEYWORDS: Record<string, Rgba> = {
  black: { r: 0, g: 0, b: 0, a: 1 },
  white: { r: 255, g: 255, b: 255, a: 1 },
  transparent: { r: 0, g: 0, b: 0, a: 0 },
};

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?`;
const FUNCTION = new RegExp(String.raw`^(rgba?|hsla?)\(\s*(.*?)\s*\)$`, 'i');
const COMPONENT = new RegExp(String.raw`^(${NUMBER})(%|deg|grad|rad|turn)?$`, 'i');

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function fail(input: string): never {
  throw new TypeError(`Unsupported colour "${input}": use #rgb, #rrggbb(aa), rgb(), rgba(), hsl() or hsla()`);
}

interface Component {
  value: number;
  unit: string;
}

function splitComponents(body: string, input: string): { parts: Component[]; alpha: Component | undefined } {
  // Both the legacy comma syntax and the modern `r g b / a` syntax.
  const [main = '', alphaText, extra] = body.split('/').map((part) => part.trim());
  if (extra !== undefined) fail(input);
  const raw = main.includes(',') ? main.split(',').map((part) => part.trim()) : main.split(/\s+/);
  const toComponent = (text: string): Component => {
    const match = COMPONENT.exec(text);
    if (!match) fail(input);
    return { value: Number(match[1]), unit: (match[2] ?? '').toLowerCase() };
  };
  const parts = raw.map(toComponent);
  if (alphaText !== undefined) return { parts, alpha: toComponent(alphaText) };
  if (parts.length === 4) return { parts: parts.slice(0, 3), alpha: parts[3] };
  return { parts, alpha: undefined };
}

function alphaOf(component: Component | undefined): number {
  if (!component) return 1;
  return clamp(component.unit === '%' ? component.value / 100 : component.value, 0, 1);
}

function hueInDegrees({ value, unit }: Component): number {
  if (unit === 'turn') return value * 360;
  if (unit === 'rad') return (value * 180) / Math.PI;
  if (unit === 'grad') return value * 0.9;
  return value;
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const h = (((hue % 360) + 360) % 360) / 30;
  const chroma = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + h) % 12;
    return 255 * (lightness - chroma * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [channel(0), channel(8), channel(4)];
}

function parseHex(hex: string, input: string): Rgba {
  if (!/^[0-9a-f]+$/i.test(hex) || ![3, 4, 6, 8].includes(hex.length)) fail(input);
  const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const byte = (index: number) => parseInt(full.slice(index * 2, index * 2 + 2), 16);
  return { r: byte(0), g: byte(1), b: byte(2), a: full.length === 8 ? byte(3) / 255 : 1 };
}

/**
 * Parses a CSS colour in the notations themes use: hex (3, 4, 6 or 8 digits), `rgb()`/`rgba()` and
 * `hsl()`/`hsla()` in comma or space syntax, plus `black`, `white` and `transparent`.
 * Throws a `TypeError` for anything else, so a typo in a theme fails its contrast test instead of passing silently.
 *
 * @example
 * parseColor('#4338ca'); // { r: 67, g: 56, b: 202, a: 1 }
 * parseColor('hsl(0 0% 100% / 0.5)'); // { r: 255, g: 255, b: 255, a: 0.5 }
 */
export function parseColor(input: string): Rgba {
  const text = input.trim().toLowerCase();
  const keyword = KEYWORDS[text];
  if (keyword) return { ...keyword };
  if (text.startsWith('#')) return parseHex(text.slice(1), input);

  const match = FUNCTION.exec(text);
  if (!match) fail(input);
  const kind = (match[1] ?? '').startsWith('rgb') ? 'rgb' : 'hsl';
  const { parts, alpha } = splitComponents(match[2] ?? '', input);
  if (parts.length !== 3) fail(input);
  const [first, second, third] = parts as [Component, Component, Component];

  if (kind === 'rgb') {
    const channel = ({ value, unit }: Component) => {
      if (unit !== '' && unit !== '%') fail(input);
      return clamp(unit === '%' ? (value / 100) * 255 : value, 0, 255);
    };
    return { r: channel(first), g: channel(second), b: channel(third), a: alphaOf(alpha) };
  }

  // Modern syntax allows bare numbers for saturation and lightness; legacy requires percentages. Accept both.
  if (first.unit === '%' || !['', '%'].includes(second.unit) || !['', '%'].includes(third.unit)) fail(input);
  const [r, g, b] = hslToRgb(hueInDegrees(first), clamp(second.value / 100, 0, 1), clamp(third.value / 100, 0, 1));
  return { r, g, b, a: alphaOf(alpha) };
}

function toRgba(color: string | Rgba): Rgba {
  return typeof color === 'string' ? parseColor(color) : color;
}

/**
 * Paints a possibly translucent colour over an opaque one and returns the colour the eye sees.
 *
 * @example
 * compositeOver('rgba(0, 0, 0, 0.5)', '#ffffff'); // { r: 127.5, g: 127.5, b: 127.5, a: 1 }
 */
export function compositeOver(top: string | Rgba, bottom: string | Rgba): Rgba {
  const over = toRgba(top);
  const under = toRgba(bottom);
  if (under.a < 1) throw new TypeError('compositeOver needs an opaque bottom colour; composite it onto its own backdrop first');
  const mix = (a: number, b: number) => a * over.a + b * (1 - over.a);
  return { r: mix(over.r, under.r), g: mix(over.g, under.g), b: mix(over.b, under.b), a: 1 };
}

/**
 * Relative luminance per WCAG 2.x (0 for black, 1 for white), ignoring alpha.
 *
 * @example
 * relativeLuminance('#ffffff'); // 1
 */
export function relativeLuminance(color: string | Rgba): number {
  const { r, g, b } = toRgba(color);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Contrast ratio per WCAG 2.x, from 1 (none) to 21 (black on white); the order of the colours does not matter.
 * A translucent foreground is composited over the background first; the background must be opaque.
 * WCAG 2.2 AA asks for 4.5 for body text, 3 for large text and for UI components such as focus rings.
 * Compare the unrounded value: 4.499 does not pass 4.5.
 *
 * @example
 * contrastRatio('#111827', '#ffffff') >= 4.5; // true
 */
export function contrastRatio(foreground: string | Rgba, background: string | Rgba): number {
  const back = toRgba(background);
  if (back.a < 1) throw new TypeError('contrastRatio needs an opaque background; composite it onto its backdrop with compositeOver first');
  const front = compositeOver(foreground, back);
  const [lighter, darker] = [relativeLuminance(front), relativeLuminance(back)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
