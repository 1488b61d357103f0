import type { InstanceConfig } from '../config/instance.ts';
import { emailOutboxRecord } from '../mail/outbox-message.ts';
import { twoStepChangedEmail, type TwoStepChange } from '../mail/templates.ts';
import type { OutboxRecord, UserRecord } from '../store/types.ts';
import { maskPhoneNumber } from './identifiers.ts';
import type { Runtime } from './runtime.ts';

/**
 * The "2-step verification changed" notice, to the account's verified primary address (none
 * without one), enqueued with the change it reports.
 */
export async function twoStepNotice(rt: Runtime, config: InstanceConfig, user: UserRecord, change: TwoStepChange, stillOn: boolean, phoneNumber?: string): Promise<OutboxRecord | null> {
  const emails = await rt.store.listEmailAddresses(user.id);
  const primary = emails.find((e) => e.id === user.primaryEmailAddressId && e.verifiedAt !== null);
  if (!primary) return null;
  const email = twoStepChangedEmail({ applicationName: config.applicationName, change, stillOn, ...(phoneNumber ? { phoneHint: maskPhoneNumber(phoneNumber) } : {}) });
  return emailOutboxRecord(rt, { to: primary.emailAddress, ...email });
}
