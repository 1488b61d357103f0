import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../deps.ts';
import { UsherError } from '../errors.ts';

function answer(c: Context, error: UsherError): Response {
  const response = c.json({ errors: error.toJSON() }, error.status);
  // A 429 says when to come back, in the header clients and proxies read as well as in the body.
  const retryAfter = error.meta?.retry_after_seconds;
  if (error.status === 429 && retryAfter !== undefined) response.headers.set('Retry-After', String(retryAfter));
  return response;
}

/**
 * The one place errors become responses: UsherError → its status and `{ errors }`; anything else
 * is a bug, logged (without request data) and answered as 500 internal_error.
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof UsherError) return answer(c, error);
    if (error instanceof HTTPException && error.status === 413) return answer(c, new UsherError('request_body_too_large'));
    logger.error('unhandled error', { name: error.name, message: error.message, stack: error.stack, method: c.req.method, path: c.req.path });
    return answer(c, new UsherError('internal_error'));
  };
}

export const notFoundHandler: NotFoundHandler = (c) => answer(c, new UsherError('not_found'));
