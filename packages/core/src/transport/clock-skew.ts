/**
 * Learns how far the local clock is from the server's (server − local, in ms) from the `Date`
 * header of answers. A client clock off by minutes must not make every token look expired.
 */
export class ClockSkew {
  #skewMs = 0;
  #known = false;

  /** Server minus local, in milliseconds (0 until learned). */
  get ms(): number {
    return this.#skewMs;
  }

  get known(): boolean {
    return this.#known;
  }

  /** `Date` has a one-second resolution: differences under 2 s are noise, not skew. */
  observeDateHeader(header: string | null, sentAt: number, receivedAt: number): void {
    if (!header) return;
    const server = Date.parse(header);
    if (Number.isNaN(server)) return;
    const local = (sentAt + receivedAt) / 2;
    const skew = server + 500 - local;
    this.#skewMs = Math.abs(skew) < 2000 ? 0 : skew;
    this.#known = true;
  }

  /** A token's `iat` is the server's clock at mint time, to the second. */
  observeServerTime(serverMs: number, receivedAt: number): void {
    const skew = serverMs - receivedAt;
    this.#skewMs = Math.abs(skew) < 2000 ? 0 : skew;
    this.#known = true;
  }
}
