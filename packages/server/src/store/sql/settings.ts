import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { fromSigningKey, toSigningKey } from './mappers.ts';

type SettingsMethods = Pick<
  Store,
  'getSetting' | 'putSetting' | 'putSettingIfAbsent' | 'updateSetting' | 'listSigningKeys' | 'insertSigningKey' | 'retireSigningKey' | 'deleteRetiredSigningKeys'
>;

export function sqlSettings({ db, dialect }: SqlContext): SettingsMethods {
  const read = async (key: string) => (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;

  return {
    async getSetting<T>(key: string) {
      const text = await read(key);
      return text === undefined ? null : (JSON.parse(text) as T);
    },
    async putSetting(key, value) {
      const text = JSON.stringify(value);
      await db
        .insertInto('settings')
        .values({ key, value: text })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
        .execute();
    },
    async putSettingIfAbsent<T>(key: string, value: T) {
      // First writer wins through the primary key; everybody then reads the winner's value.
      await db
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      return JSON.parse((await read(key)) as string) as T;
    },
    async updateSetting<T>(key: string, update: (current: T | null) => T) {
      return db.transaction().execute(async (trx) => {
        // The row exists first, so Postgres can lock it: concurrent updaters wait here in turn.
        // SQLite runs one transaction at a time on its single connection.
        await trx.insertInto('settings').values({ key, value: 'null' }).onConflict((oc) => oc.column('key').doNothing()).execute();
        let select = trx.selectFrom('settings').select('value').where('key', '=', key);
        if (dialect === 'postgres') select = select.forUpdate();
        const row = await select.executeTakeFirstOrThrow();
        const next = update(JSON.parse(row.value) as T | null);
        const text = JSON.stringify(next);
        await trx.updateTable('settings').set({ value: text }).where('key', '=', key).execute();
        return JSON.parse(text) as T;
      });
    },

    async listSigningKeys() {
      const rows = await db.selectFrom('signing_keys').selectAll().orderBy('created_at').orderBy('kid').execute();
      return rows.map(toSigningKey);
    },
    async insertSigningKey(key) {
      await db.insertInto('signing_keys').values(fromSigningKey(key)).execute();
    },
    async retireSigningKey(kid, retiredAt) {
      // The first retirement wins: moving it would change how long its tokens stay verifiable.
      await db.updateTable('signing_keys').set({ retired_at: retiredAt }).where('kid', '=', kid).where('retired_at', 'is', null).execute();
    },
    async deleteRetiredSigningKeys(before) {
      const result = await db.deleteFrom('signing_keys').where('retired_at', 'is not', null).where('retired_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
