// The allow-list lives in @usher/protocol so that the UI applies the very same rules; its
// `./redirects` subpath carries no zod.
export { isAllowedRedirectUrl, normalizeOrigin } from '@usher/protocol/redirects';
