/**
 * The Store contract as executable specification. Every adapter runs this suite
 * (memory.test.ts, sqlite.test.ts, postgres.test.ts); an adapter is correct when it passes.
 * The cases live in cases/, one concept per file.
 */
import { describe } from 'vitest';
import { adminCases } from './cases/admin.case.ts';
import { jwtTemplatesCases } from './cases/jwt-templates.case.ts';
import { webhooksCases } from './cases/webhooks.case.ts';
import { clientsAndUsersCases } from './cases/clients-and-users.case.ts';
import { devMessagesCases } from './cases/dev-messages.case.ts';
import { emailAddressesCases } from './cases/email-addresses.case.ts';
import { userImagesCases } from './cases/user-images.case.ts';
import { phoneNumbersCases } from './cases/phone-numbers.case.ts';
import { secondFactorsCases } from './cases/second-factors.case.ts';
import type { MakeStore, TeardownStore } from './cases/fixtures.ts';
import { oauthCases } from './cases/oauth.case.ts';
import { outboxCases } from './cases/outbox.case.ts';
import { sessionsCases } from './cases/sessions.case.ts';
import { settingsAndKeysCases } from './cases/settings-and-keys.case.ts';
import { signFlowsCases } from './cases/sign-flows.case.ts';
import { verificationsCases } from './cases/verifications.case.ts';

/**
 * Registers the conformance suite for one adapter. `make` gives a fresh, migrated, empty store
 * per test; `teardown` disposes of it (default: close()).
 *
 * @example
 * storeConformance('memory', async () => createMemoryStore());
 */
export function storeConformance(name: string, make: MakeStore, teardown: TeardownStore = (s) => s.close()): void {
  describe(`${name} store`, () => {
    settingsAndKeysCases(make, teardown);
    clientsAndUsersCases(make, teardown);
    signFlowsCases(make, teardown);
    verificationsCases(make, teardown);
    sessionsCases(make, teardown);
    outboxCases(make, teardown);
    devMessagesCases(make, teardown);
    adminCases(make, teardown);
    jwtTemplatesCases(make, teardown);
    webhooksCases(make, teardown);
    emailAddressesCases(make, teardown);
    userImagesCases(make, teardown);
    phoneNumbersCases(make, teardown);
    secondFactorsCases(make, teardown);
    oauthCases(make, teardown);
  });
}
