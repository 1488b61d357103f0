/** Node's Buffer when the runtime has one (no import: the package runs where it does not). */
const NativeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array<ArrayBuffer> } }).Buffer;

/**
 * base64 or base64url text → bytes; null when its length cannot be base64. Callers check the
 * alphabet first where it matters (tokens). Uses Node's native decoder when present (decoding is
 * most of verifyToken's own cost), else atob.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  // Node's 'base64' decoder also takes the URL-safe alphabet.
  if (NativeBuffer) return NativeBuffer.from(text, 'base64');
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
