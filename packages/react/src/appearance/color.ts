/** An sRGB colour: channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

// The keywords people actually write in variables; anything else unparsed falls back to color-mix() in CSS.
const KEYWORDS: Record<string, Rgba> = {
  black: { r: 0, g: 0, b: 0, a: 1 },
  white: { r: 255, g: 255, b: 255, a: 1 },
  transparent: { r: 0, g: 0, b: 0, a: 0 },
};

const FUNCTION = /^(rgba?|hsla?)\(\s*([^)]*)\)$/i;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function parseHex(hex: string): Rgba | null {
  if (!/^[0-9a-f]+$/i.test(hex) || ![3, 4, 6, 8].includes(hex.length)) return null;
  const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const byte = (index: number) => parseInt(full.slice(index * 2, index * 2 + 2), 16);
  return { r: byte(0), g: byte(1), b: byte(2), a: full.length === 8 ? byte(3) / 255 : 1 };
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

/**
 * Parses hex (3/4/6/8 digits), `rgb[a]()` and `hsl[a]()` (comma or space syntax) and
 * black/white/transparent. Answers null for anything else (`var(--x)`, `oklch()`, other names):
 * those still work, through CSS `color-mix()` instead of JS-computed shades.
 *
 * @example parseColor('hsl(240 5% 10% / 50%)') // { r: 24.2…, g: 24.2…, b: 26.7…, a: 0.5 }
 */
export function parseColor(input: string): Rgba | null {
  const text = input.trim().toLowerCase();
  const keyword = KEYWORDS[text];
  if (keyword) return { ...keyword };
  if (text.startsWith('#')) return parseHex(text.slice(1));
  const match = FUNCTION.exec(text);
  if (!match) return null;
  const [main = '', alphaText] = (match[2] ?? '').split('/').map((part) => part.trim());
  const parts = (main.includes(',') ? main.split(',') : main.split(/\s+/)).map((part) => part.trim()).filter(Boolean);
  // Legacy `rgba(r, g, b, a)` carries alpha as a fourth part; the modern syntax after a slash.
  const alphaSource = alphaText ?? (parts.length === 4 ? parts.pop() : undefined);
  if (parts.length !== 3) return null;
  const numbers = parts.map((part) => Number.parseFloat(part));
  if (numbers.some((n) => Number.isNaN(n))) return null;
  const alpha = alphaSource === undefined ? 1 : clamp(Number.parseFloat(alphaSource) / (alphaSource.endsWith('%') ? 100 : 1), 0, 1);
  if (Number.isNaN(alpha)) return null;
  const [x, y, z] = numbers as [number, number, number];
  if ((match[1] ?? '').startsWith('rgb')) {
    const channel = (value: number, part: string) => clamp(part.endsWith('%') ? (value / 100) * 255 : value, 0, 255);
    return { r: channel(x, parts[0]!), g: channel(y, parts[1]!), b: channel(z, parts[2]!), a: alpha };
  }
  const hue = parts[0]!.endsWith('turn') ? x * 360 : parts[0]!.endsWith('rad') ? (x * 180) / Math.PI : x;
  const [r, g, b] = hslToRgb(hue, clamp(y / 100, 0, 1), clamp(z / 100, 0, 1));
  return { r, g, b, a: alpha };
}

/** Serializes as `#rrggbb`, or `rgb(r g b / a)` when translucent. @example formatColor({ r: 255, g: 0, b: 0, a: 1 }) // '#ff0000' */
export function formatColor({ r, g, b, a }: Rgba): string {
  const channels = [r, g, b].map((c) => Math.round(clamp(c, 0, 255)));
  if (a >= 1) return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  return `rgb(${channels.join(' ')} / ${Math.round(a * 1000) / 1000})`;
}

/** Mixes `weight` (0–1) of `other` into `color`, alpha included. @example mix(red, white, 0.5) */
export function mix(color: Rgba, other: Rgba, weight: number): Rgba {
  const lerp = (from: number, to: number) => from + (to - from) * weight;
  return { r: lerp(color.r, other.r), g: lerp(color.g, other.g), b: lerp(color.b, other.b), a: lerp(color.a, other.a) };
}

/** Paints a translucent colour over an opaque one. @example compositeOver({ r: 0, g: 0, b: 0, a: 0.5 }, white) */
export function compositeOver(top: Rgba, bottom: Rgba): Rgba {
  const blend = (a: number, b: number) => a * top.a + b * (1 - top.a);
  return { r: blend(top.r, bottom.r), g: blend(top.g, bottom.g), b: blend(top.b, bottom.b), a: 1 };
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). @example relativeLuminance(white) // 1 */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * WCAG 2.x contrast ratio (1–21); a translucent foreground is composited over the opaque background.
 * @example contrastRatio(parseColor('#18181b')!, parseColor('#fff')!) >= 4.5 // true
 */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const front = compositeOver(foreground, background);
  const [hi, lo] = [relativeLuminance(front), relativeLuminance(background)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
