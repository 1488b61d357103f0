import type { WebhookEventType } from '@usher/protocol';
import type { Kysely } from 'kysely';
import type { ChangeEventFactory } from '../change-events.ts';
import { fromOutbox } from './mappers.ts';
import type { Database } from './schema.ts';

/** Inserts the events an operation reports, in the operation's own transaction. */
export async function insertEvents(trx: Kysely<Database>, emit: ChangeEventFactory | undefined, events: ReadonlyArray<readonly [WebhookEventType, string]>): Promise<void> {
  if (!emit || events.length === 0) return;
  await trx.insertInto('outbox').values(events.map(([type, objectId]) => fromOutbox(emit(type, objectId)))).execute();
}
