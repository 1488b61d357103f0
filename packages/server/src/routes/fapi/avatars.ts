import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { UsherError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { rateLimit } from '../../http/rate-limit.ts';
import { parseBody } from '../../http/validate.ts';
import { INITIALS_PATTERN } from '../../services/avatars/initials.ts';
import { renderInitialsSvg } from '../../services/avatars/initials-svg.ts';
import type { Runtime } from '../../services/runtime.ts';
import { IMAGE_EXTENSIONS } from '../../services/me-profile-image.ts';
import type { App, AppContext } from '../types.ts';

const avatarRequest = z.object({
  seed: z
    .string()
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
  variant: z.enum(['marble', 'initials']).default('marble'),
  initials: z
    .string()
    .transform((value) => value.normalize('NFC'))
    .pipe(z.string().regex(INITIALS_PATTERN))
    .optional(),
});

/**
 * The answer may be cached by anyone for a year: it depends on nothing but the URL. Opened
 * directly, an SVG is a document of our origin: the CSP lets it run no script and load nothing
 * (boring-avatars' marble needs one inline style), and nosniff keeps it an image.
 */
const SVG_HEADERS = {
  'Content-Type': 'image/svg+xml; charset=utf-8',
  'Cache-Control': 'public, max-age=31536000, immutable',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  // Apps with cross-origin isolation (COEP) may embed it from another origin.
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** A query parameter given at most once: `?variant=marble&variant=initials` means nothing. */
function single(c: AppContext, name: string): string | undefined {
  const values = c.req.queries(name);
  if (values && values.length > 1) throw new UsherError('form_param_format_invalid', { paramName: name, longMessage: `\`${name}\` may be given only once.` });
  return values?.[0];
}

/** The instance settings, for the rate limits (what the /v1 chain does before its own limiter). */
function instanceSettings(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('instance', await rt.instanceConfig());
    return next();
  };
}

/**
 * `GET /v1/avatars/{seed}.svg?variant=marble|initials[&initials=AL]`: a default avatar as an SVG
 * image (the URL `image_url` holds for users without an image). Registered before the /v1
 * middlewares and answering on its own, so it reads no client, sets no cookie and keeps its cache
 * headers; as a GET it needs no origin check; it spends the IP's `read` budget like other reads.
 * Nothing is looked up: any well-formed seed answers, so the URL says nothing about who exists.
 */
export function registerAvatarRoutes(app: App, rt: Runtime): void {
  app.get('/v1/avatars/:file', instanceSettings(rt), rateLimit(rt), async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.svg')) throw new UsherError('not_found');
    const request = parseBody(avatarRequest, { seed: file.slice(0, -'.svg'.length), variant: single(c, 'variant'), initials: single(c, 'initials') });
    let svg: string;
    if (request.variant === 'initials') {
      if (request.initials === undefined) throw new UsherError('form_param_missing', { paramName: 'initials', longMessage: '`initials` is required with `variant=initials`.' });
      svg = renderInitialsSvg(request.seed, request.initials);
    } else {
      // React's server renderer loads only when a marble is asked for, not with every app.
      const { renderMarbleSvg } = await import('../../services/avatars/marble-svg.tsx');
      svg = renderMarbleSvg(request.seed);
    }
    return c.body(svg, 200, SVG_HEADERS);
  });
}

const IMAGE_FILE = /^(img_[0-9a-z]{36})\.(png|jpg|webp|gif)$/;

/**
 * `GET /v1/images/{id}.{ext}`: an uploaded profile image. Each upload has a new id, so the answer
 * never changes and may be cached for a year. Served with the type its bytes were sniffed as,
 * nosniff and a CSP that lets nothing run, like the default avatars.
 */
export function registerUserImageRoutes(app: App, rt: Runtime): void {
  app.get('/v1/images/:file', instanceSettings(rt), rateLimit(rt), async (c) => {
    const match = IMAGE_FILE.exec(c.req.param('file'));
    const image = match?.[1] ? await rt.store.getUserImage(match[1]) : null;
    if (!image || IMAGE_EXTENSIONS[image.contentType] !== match?.[2]) throw new UsherError('not_found');
    return c.body(image.data.slice().buffer, 200, {
      'Content-Type': image.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      ETag: `"${image.id}"`,
    });
  });
}
