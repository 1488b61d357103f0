import type { IncomingMessage, ServerResponse } from 'node:http';

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Form or JSON request fields (GitHub's token endpoint takes both, and query parameters too). */
export async function readParams(req: IncomingMessage, url: URL): Promise<Map<string, string>> {
  const params = new Map<string, string>(url.searchParams);
  const raw = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const json = JSON.parse(raw) as unknown;
      if (json && typeof json === 'object') {
        for (const [key, value] of Object.entries(json)) if (typeof value === 'string') params.set(key, value);
      }
    } catch {
      // an unparsable body carries no fields
    }
  } else {
    for (const [key, value] of new URLSearchParams(raw)) params.set(key, value);
  }
  return params;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 302;
  res.setHeader('location', location);
  res.end();
}

/** `redirectUri` with `params` added to its query (existing query kept). */
export function withQuery(redirectUri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined) url.searchParams.set(key, value);
  return url.href;
}
