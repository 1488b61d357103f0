import { bytesToHex, utf8 } from './encoding.ts';

export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));
}

export async function hmacSha256Hex(key: Uint8Array, text: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return bytesToHex(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(text))));
}
