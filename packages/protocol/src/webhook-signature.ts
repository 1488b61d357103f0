/**
 * The Standard Webhooks signature (the format Svix popularised): `webhook-id`, `webhook-timestamp`
 * (Unix seconds) and `webhook-signature` = space-separated `v1,<base64 HMAC-SHA256>` over
 * `${id}.${timestamp}.${body}`, keyed with the bytes of the `whsec_<base64>` secret. WebCrypto
 * only, no `node:` import: the server signs and @usher/backend verifies with this one code.
 */

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const encoder = new TextEncoder();

/** The key bytes of a `whsec_…` secret (the prefix is optional), or null when it is not base64. */
export function webhookSecretBytes(secret: string): Uint8Array<ArrayBuffer> | null {
  const text = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  const bytes = decodeBase64(text);
  return bytes && bytes.byteLength > 0 ? bytes : null;
}

/** `v1,<signature>` for one message. */
export async function signWebhookPayload(secret: string, id: string, timestampSeconds: number, body: string): Promise<string> {
  const key = webhookSecretBytes(secret);
  if (!key) throw new TypeError('A webhook secret is whsec_ followed by base64.');
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(`${id}.${timestampSeconds}.${body}`)));
  return `v1,${encodeBase64(signature)}`;
}

/** Constant-time comparison of two strings of signature text. */
export function timingSafeEqualText(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  // Every byte is compared whatever the lengths; a length difference alone makes them unequal.
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
