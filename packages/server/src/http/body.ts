import { UsherError } from '../errors.ts';

/**
 * Mutations carry small JSON documents: the largest legitimate one (a sign-up with every field at
 * its maximum in multi-byte characters) stays under 8 KiB. Anything larger is refused before it is
 * parsed, and long before any password in it could be hashed.
 */
export const MAX_BODY_BYTES = 8 * 1024;

function tooLarge(): UsherError {
  return new UsherError('request_body_too_large', { longMessage: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` });
}

function tooLargeFor(maxBytes: number): UsherError {
  return maxBytes === MAX_BODY_BYTES ? tooLarge() : new UsherError('request_body_too_large', { longMessage: `This upload is limited to ${Math.floor(maxBytes / 1024)} KiB.` });
}

/** Reads the body's bytes, stopping as soon as they exceed `maxBytes` (a lying or absent Content-Length included). */
export async function readBodyBytes(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLargeFor(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLargeFor(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads the body as UTF-8 text, within `maxBytes`. */
export async function readBodyText(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsherError('request_body_invalid', { longMessage: 'The request body is not valid UTF-8.' });
  }
}

/** Parses a JSON body; an empty body is `undefined`. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsherError('request_body_invalid', { longMessage: 'The request body is not valid JSON.' });
  }
}

/** `application/json`, optionally with parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const mediaType = value.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** The media type without parameters, lower-cased. */
export function mediaTypeOf(value: string | null): string | null {
  return value === null ? null : (value.split(';')[0]?.trim().toLowerCase() ?? null);
}
