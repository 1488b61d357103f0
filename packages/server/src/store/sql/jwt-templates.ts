import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { withConflicts } from './errors.ts';
import { fromJwtTemplate, toJwtTemplate } from './mappers.ts';

type JwtTemplateMethods = Pick<Store, 'createJwtTemplate' | 'getJwtTemplate' | 'findJwtTemplateByName' | 'listJwtTemplates' | 'replaceJwtTemplate' | 'deleteJwtTemplate'>;

export function sqlJwtTemplates({ db }: SqlContext): JwtTemplateMethods {
  return {
    async createJwtTemplate(template) {
      await withConflicts(() => db.insertInto('jwt_templates').values(fromJwtTemplate(template)).execute());
    },
    async getJwtTemplate(id) {
      const row = await db.selectFrom('jwt_templates').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toJwtTemplate(row) : null;
    },
    async findJwtTemplateByName(name) {
      const row = await db.selectFrom('jwt_templates').selectAll().where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst();
      return row ? toJwtTemplate(row) : null;
    },
    async listJwtTemplates() {
      const rows = await db.selectFrom('jwt_templates').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toJwtTemplate);
    },
    async replaceJwtTemplate(template) {
      const { id: _id, created_at: _created, ...values } = fromJwtTemplate(template);
      const row = await withConflicts(() => db.updateTable('jwt_templates').set(values).where('id', '=', template.id).returningAll().executeTakeFirst());
      return row ? toJwtTemplate(row) : null;
    },
    async deleteJwtTemplate(id) {
      const result = await db.deleteFrom('jwt_templates').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
