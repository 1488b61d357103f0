import type { Store } from '../types.ts';
import { memoryAccounts } from './accounts.ts';
import { memoryAdmin } from './admin.ts';
import { memoryEmailAddresses } from './email-addresses.ts';
import { memoryUserImages } from './user-images.ts';
import { memoryPhoneNumbers } from './phone-numbers.ts';
import { memorySecondFactors } from './second-factors.ts';
import { memoryJwtTemplates } from './jwt-templates.ts';
import { memoryWebhooks } from './webhooks.ts';
import { memoryOAuth } from './oauth.ts';
import { memoryOutbox } from './outbox.ts';
import { memorySessions } from './sessions.ts';
import { memorySettings } from './settings.ts';
import { createTables } from './tables.ts';
import { memoryVerifications } from './verifications.ts';

/**
 * A Store held in Maps, for tests, MSW and Storybook. Each instance has its own state.
 *
 * @example
 * const store = createMemoryStore();
 * await store.putSetting('instance', { name: 'Acme' });
 */
export function createMemoryStore(): Store {
  const tables = createTables();
  return {
    async migrate() {},
    async close() {},
    ...memorySettings(tables),
    ...memoryAccounts(tables),
    ...memoryEmailAddresses(tables),
    ...memoryUserImages(tables),
    ...memoryPhoneNumbers(tables),
    ...memorySecondFactors(tables),
    ...memoryOAuth(tables),
    ...memoryVerifications(tables),
    ...memorySessions(tables),
    ...memoryOutbox(tables),
    ...memoryAdmin(tables),
    ...memoryJwtTemplates(tables),
    ...memoryWebhooks(tables),
  };
}
