/**
 * Secrets the server must read back in clear (an authenticator's shared key) are stored sealed:
 * AES-256-GCM under a key derived (HKDF-SHA-256) from the instance secret for one purpose, with a
 * fresh 96-bit nonce each time. A copy of the database alone does not give the secrets away.
 */
import type { Random } from '../deps.ts';
import { base64ToBytes, bytesToBase64Url, utf8 } from './encoding.ts';

const VERSION = 'v1';

async function sealingKey(instanceSecret: Uint8Array, purpose: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new Uint8Array(instanceSecret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(`usher:sealed:${purpose}`) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** `v1.<nonce>.<ciphertext>` (base64url); the purpose is bound as additional data too. */
export async function sealSecret(instanceSecret: Uint8Array, random: Random, purpose: string, secret: Uint8Array): Promise<string> {
  const iv = new Uint8Array(random.bytes(12));
  const key = await sealingKey(instanceSecret, purpose);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(purpose) }, key, new Uint8Array(secret)));
  return `${VERSION}.${bytesToBase64Url(iv)}.${bytesToBase64Url(sealed)}`;
}

/** The secret, or null when the text is not a sealed secret of this purpose under this instance secret. */
export async function openSecret(instanceSecret: Uint8Array, purpose: string, text: string): Promise<Uint8Array | null> {
  const [version, ivText, sealedText] = text.split('.');
  const iv = ivText === undefined ? null : base64ToBytes(ivText);
  const sealed = sealedText === undefined ? null : base64ToBytes(sealedText);
  if (version !== VERSION || !iv || !sealed) return null;
  try {
    const key = await sealingKey(instanceSecret, purpose);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8(purpose) }, key, sealed));
  } catch {
    return null;
  }
}
