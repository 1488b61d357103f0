/** Profile images are stored at most this many pixels on a side (the server refuses larger ones). */
export const MAX_PROFILE_IMAGE_SIDE = 512;

interface Canvas2D {
  width: number;
  height: number;
  getContext(kind: '2d'): { drawImage(image: ImageBitmap, x: number, y: number, w: number, h: number): void } | null;
}

function newCanvas(width: number, height: number): { canvas: Canvas2D; toBlob(type: string, quality: number): Promise<Blob | null> } | null {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas: canvas as unknown as Canvas2D, toBlob: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return { canvas: canvas as unknown as Canvas2D, toBlob: (type, quality) => new Promise((resolve) => canvas.toBlob(resolve, type, quality)) };
  }
  return null;
}

/**
 * Scales an image down so neither side exceeds 512 pixels, in the browser (createImageBitmap and
 * a canvas): JPEG stays JPEG, everything else becomes PNG (transparency kept). An image already
 * small enough, or an environment without those APIs (Node, old browsers), is sent as it is.
 *
 * @example const small = await resizeImage(input.files[0]);
 */
export async function resizeImage(file: Blob, maxSide: number = MAX_PROFILE_IMAGE_SIDE): Promise<Blob> {
  if (typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    // Not an image the browser can decode: the server says what is wrong with it.
    return file;
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    if (scale === 1) return file;
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const target = newCanvas(width, height);
    const context = target?.canvas.getContext('2d');
    if (!target || !context) return file;
    context.drawImage(bitmap, 0, 0, width, height);
    const type = file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
    return (await target.toBlob(type, 0.9)) ?? file;
  } finally {
    bitmap.close();
  }
}
