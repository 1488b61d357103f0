/**
 * An authenticator app for tests and stories: the 6-digit TOTP code (RFC 6238: HMAC-SHA-1, 30 s
 * steps) of a base32 secret, with WebCrypto only, so it runs in Node and in browsers. Written
 * apart from the server's implementation on purpose: a test computing codes with the server's
 * own code would agree with any bug in it.
 *
 * @example
 * const code = await totpCodeOf(secret, Date.now()); // '492039'
 */
export async function totpCodeOf(base32Secret: string, nowMs: number, offsetSteps = 0): Promise<string> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...base32Secret.replace(/[\s=]/g, '').toUpperCase()].map((c) => {
    const value = alphabet.indexOf(c);
    if (value < 0) throw new TypeError(`not a base32 secret: ${base32Secret}`);
    return value.toString(2).padStart(5, '0');
  });
  const binary = bits.join('');
  const key = new Uint8Array(Math.floor(binary.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(binary.slice(i * 8, i * 8 + 8), 2);
  const counter = Math.floor(nowMs / 30_000) + offsetSteps;
  const message = new Uint8Array(8);
  let rest = counter;
  for (let i = 7; i >= 0; i--) {
    message[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
  const offset = mac[19]! & 0x0f;
  const value = ((mac[offset]! & 0x7f) * 2 ** 24 + mac[offset + 1]! * 2 ** 16 + mac[offset + 2]! * 2 ** 8 + mac[offset + 3]!) % 1_000_000;
  return String(value).padStart(6, '0');
}
