import { describe, expect, it } from 'vitest';
import { sniffImage } from './image-format.ts';
import { gifHeader, jpegHeader, pngImage, webpHeader } from './test-images.test-support.ts';

describe('sniffImage', () => {
  it('tells PNG, JPEG, WebP and GIF and their sizes from their bytes', () => {
    expect(sniffImage(pngImage(300, 200))).toEqual({ type: 'image/png', width: 300, height: 200 });
    expect(sniffImage(jpegHeader(512, 384))).toEqual({ type: 'image/jpeg', width: 512, height: 384 });
    expect(sniffImage(webpHeader(64, 48))).toEqual({ type: 'image/webp', width: 64, height: 48 });
    expect(sniffImage(gifHeader(16, 9))).toEqual({ type: 'image/gif', width: 16, height: 9 });
  });

  it('refuses anything else: SVG, HTML, truncated files, empty input', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sniffImage(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImage(text('<!doctype html><p>hi'))).toBeNull();
    expect(sniffImage(pngImage(10, 10).subarray(0, 20))).toBeNull();
    expect(sniffImage(jpegHeader(10, 10).subarray(0, 12))).toBeNull();
    expect(sniffImage(new Uint8Array(0))).toBeNull();
    expect(sniffImage(pngImage(0, 10))).toBeNull();
  });
});
