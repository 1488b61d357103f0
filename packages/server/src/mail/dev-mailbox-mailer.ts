import type { Clock, MailMessage, Mailer, Random } from '../deps.ts';
import { bytesToBase32, integerToBase32 } from '../crypto/encoding.ts';
import { webCryptoRandom } from '../crypto/random.ts';
import type { Store } from '../store/types.ts';

/**
 * A Mailer for development: instead of sending, it files each message in the store's dev mailbox,
 * which `GET /v1/dev/mailbox` lists (development instances only) and the playground shows.
 *
 * @example
 * const mailer = new DevMailboxMailer(store, systemClock);
 * createOutboxWorker({ store, mailer, clock: systemClock }).start(1000);
 */
export class DevMailboxMailer implements Mailer {
  private lastTime = -1;
  private sequence = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly random: Random = webCryptoRandom,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.store.insertDevMessage({
      id: this.nextId(),
      channel: 'email',
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      createdAt: this.clock.now(),
    });
  }

  /**
   * Mailbox ids sort in delivery order even within one millisecond (a sequence number follows the
   * time), so "the latest code" is well defined. They name dev messages only, nothing secret.
   */
  private nextId(): string {
    const now = Math.max(0, this.clock.now());
    this.sequence = now === this.lastTime ? this.sequence + 1 : 0;
    this.lastTime = now;
    return `msg_${integerToBase32(now, 10)}${integerToBase32(this.sequence, 4)}${bytesToBase32(this.random.bytes(14)).slice(0, 22)}`;
  }
}
