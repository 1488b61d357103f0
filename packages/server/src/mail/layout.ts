import { escapeHtml } from './escape-html.ts';

/** A minimal, inline-styled HTML email around already-escaped paragraphs. */
export function htmlLayout(title: string, paragraphsHtml: string[]): string {
  const body = paragraphsHtml.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join('\n');
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;line-height:1.5;padding:24px">',
    body,
    '</body></html>',
  ].join('\n');
}
