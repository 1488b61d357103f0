import type { Clock, MailMessage, Mailer, Random } from '../deps.ts';
import { webCryptoRandom } from '../crypto/random.ts';
import type { Store } from '../store/types.ts';
import { DevMessageIds } from './dev-message-ids.ts';

/**
 * A Mailer for development: instead of sending, it files each message in the store's dev mailbox,
 * which `GET /v1/dev/mailbox` lists (development instances only) and the playground shows.
 *
 * @example
 * const mailer = new DevMailboxMailer(store, systemClock);
 * createOutboxWorker({ store, mailer, clock: systemClock, publicUrl }).start(1000);
 */
export class DevMailboxMailer implements Mailer {
  private readonly ids: DevMessageIds;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    random: Random = webCryptoRandom,
  ) {
    this.ids = new DevMessageIds(clock, random);
  }

  async send(message: MailMessage): Promise<void> {
    await this.store.insertDevMessage({
      id: this.ids.next(),
      channel: 'email',
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      createdAt: this.clock.now(),
    });
  }
}
