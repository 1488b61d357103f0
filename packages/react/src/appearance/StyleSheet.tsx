import { version } from 'react';

// React 19 hoists `<style href precedence>` into <head>, de-duplicates it by href and writes it
// into server HTML (renderToString included) unescaped, so hydration finds it in place. React 18
// knows no `precedence` and would HTML-escape the text of a server-rendered <style> (`"` and `>`
// become entities, which CSS does not decode): there each root renders its sheet in place as raw
// text instead, identical on server and client, so it hydrates.
const HOISTS = Number.parseInt(version, 10) >= 19;

/**
 * One of Usher's stylesheets. `id` must be a hash of `css` (same text, same id), so that React
 * can de-duplicate and server and client agree.
 */
export function StyleSheet({ id, css, nonce }: { id: string; css: string; nonce?: string }) {
  if (!css) return null;
  if (!HOISTS) return <InlineStyleSheet id={id} css={css} nonce={nonce} />;
  return (
    <style href={id} precedence="usher" nonce={nonce}>
      {css}
    </style>
  );
}

/** React 18's sheet: rendered in place, as raw text. Exported for its test (which runs on React 19). */
export function InlineStyleSheet({ id, css, nonce }: { id: string; css: string; nonce?: string }) {
  // Safe as raw text: Usher's CSS is generated, every app-given value and selector went through
  // safeValue() (no `<`, so no `</style>`), and this escapes `<` once more for certainty.
  // eslint-disable-next-line no-restricted-syntax -- CSS we generated, not HTML from data (see above)
  return <style data-usher={id} nonce={nonce} dangerouslySetInnerHTML={{ __html: css.replace(/</g, '\\3c ') }} />;
}
