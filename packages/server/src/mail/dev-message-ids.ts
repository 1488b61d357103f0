import type { Clock, Random } from '../deps.ts';
import { bytesToBase32, integerToBase32 } from '../crypto/encoding.ts';

/**
 * Ids for the dev mailbox and SMS box that sort in delivery order even within one millisecond (a
 * sequence number follows the time), so "the latest code" is well defined. They name dev
 * messages only, nothing secret.
 */
export class DevMessageIds {
  private lastTime = -1;
  private sequence = 0;

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  next(): string {
    const now = Math.max(0, this.clock.now());
    this.sequence = now === this.lastTime ? this.sequence + 1 : 0;
    this.lastTime = now;
    return `msg_${integerToBase32(now, 10)}${integerToBase32(this.sequence, 4)}${bytesToBase32(this.random.bytes(14)).slice(0, 22)}`;
  }
}
