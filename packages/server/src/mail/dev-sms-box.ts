import type { Clock, Random, SmsMessage, SmsSender } from '../deps.ts';
import { webCryptoRandom } from '../crypto/random.ts';
import type { Store } from '../store/types.ts';
import { DevMessageIds } from './dev-message-ids.ts';

/**
 * An SmsSender for development: files each text message in the store's dev SMS box, which
 * `GET /v1/dev/sms` lists (development instances only), next to the dev mailbox.
 *
 * @example
 * createOutboxWorker({ store, mailer, sms: new DevSmsBox(store, systemClock), clock: systemClock, publicUrl });
 */
export class DevSmsBox implements SmsSender {
  private readonly ids: DevMessageIds;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    random: Random = webCryptoRandom,
  ) {
    this.ids = new DevMessageIds(clock, random);
  }

  async send(message: SmsMessage): Promise<void> {
    await this.store.insertDevMessage({ id: this.ids.next(), channel: 'sms', to: message.to, subject: '', text: message.body, html: '', createdAt: this.clock.now() });
  }
}
