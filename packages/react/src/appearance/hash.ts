/**
 * A short, deterministic hash (FNV-1a, 32 bits, base 36) for generated class names and style ids.
 * Server and client compute the same value from the same input, which is what hydration needs.
 *
 * @example hash('.a{color:red}') // 'xt3zhq'
 */
export function hash(input: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
