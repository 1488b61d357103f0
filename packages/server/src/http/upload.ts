import { UsherError } from '../errors.ts';
import { mediaTypeOf, readBodyBytes } from './body.ts';

/** A profile picture, already resized by the SDK to 512 px: a few hundred KiB at most. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_OVERHEAD = 16 * 1024;

/** Routes that take a file instead of JSON. */
export const UPLOAD_PATHS = new Set(['/v1/me/profile_image']);

/**
 * The file of an upload: `multipart/form-data` with a `file` part (what a browser form and the
 * SDK send), or the image bytes themselves with an `image/*` type. Anything else is 415; more
 * than MAX_UPLOAD_BYTES is 413, refused while reading.
 */
export async function readUpload(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const mediaType = mediaTypeOf(request.headers.get('content-type'));
  if (mediaType === 'multipart/form-data') {
    const bytes = await readBodyBytes(request, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    } catch {
      throw new UsherError('request_body_invalid', { longMessage: 'The multipart body could not be read.' });
    }
    const file = form.get('file');
    if (file === null || typeof file === 'string') throw new UsherError('form_param_missing', { paramName: 'file', longMessage: 'Send the image as the `file` part.' });
    if (file.size > MAX_UPLOAD_BYTES) throw new UsherError('request_body_too_large', { longMessage: `This upload is limited to ${MAX_UPLOAD_BYTES / 1024} KiB.` });
    return new Uint8Array(await file.arrayBuffer());
  }
  if (mediaType !== null && mediaType.startsWith('image/')) return readBodyBytes(request, MAX_UPLOAD_BYTES);
  throw new UsherError('unsupported_media_type', { longMessage: 'Send the image as multipart/form-data (a `file` part) or as image/png, image/jpeg, image/webp or image/gif.' });
}
