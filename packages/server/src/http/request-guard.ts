import type { MiddlewareHandler } from 'hono';
import { UsherError } from '../errors.ts';
import { isJsonContentType, parseJsonText, readBodyText } from './body.ts';
import type { AppEnv } from './env.ts';
import { readUpload, UPLOAD_PATHS } from './upload.ts';
import { assertOriginMayMutate, type OriginPolicy } from './origin.ts';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Guards every state-changing request before any route runs, in this order:
 * allowed origin (403) → JSON content type (415) → size (413) → JSON syntax (400).
 * A body may be absent; when present it must be declared as application/json. Upload routes
 * (UPLOAD_PATHS) take a file instead (http/upload.ts), after the same origin check.
 */
export function requestGuard(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!MUTATIONS.has(c.req.method)) return next();
    const request = c.req.raw;
    assertOriginMayMutate(request, policy, c.get('bearer'));
    if (c.req.method === 'POST' && UPLOAD_PATHS.has(c.req.path)) {
      c.set('upload', await readUpload(request));
      return next();
    }
    const contentType = request.headers.get('content-type');
    if (contentType !== null && !isJsonContentType(contentType)) throw new UsherError('unsupported_media_type');
    const text = await readBodyText(request);
    if (contentType === null && text.length > 0) throw new UsherError('unsupported_media_type');
    c.set('body', parseJsonText(text));
    return next();
  };
}
