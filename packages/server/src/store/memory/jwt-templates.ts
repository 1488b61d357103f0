import { StoreConflictError, type JwtTemplateRecord, type Store } from '../types.ts';
import { assertAbsent, byCreation, copy, foldCase, type MemoryTables } from './tables.ts';

type JwtTemplateMethods = Pick<Store, 'createJwtTemplate' | 'getJwtTemplate' | 'findJwtTemplateByName' | 'listJwtTemplates' | 'replaceJwtTemplate' | 'deleteJwtTemplate'>;

export function memoryJwtTemplates(t: MemoryTables): JwtTemplateMethods {
  const byName = (name: string, exceptId: string | null): JwtTemplateRecord | undefined =>
    [...t.jwtTemplates.values()].find((x) => x.id !== exceptId && foldCase(x.name) === foldCase(name));
  return {
    async createJwtTemplate(template) {
      assertAbsent(t.jwtTemplates, template.id, 'jwt template');
      if (byName(template.name, null)) throw new StoreConflictError('name');
      t.jwtTemplates.set(template.id, copy(template));
    },
    async getJwtTemplate(id) {
      const template = t.jwtTemplates.get(id);
      return template ? copy(template) : null;
    },
    async findJwtTemplateByName(name) {
      const template = byName(name, null);
      return template ? copy(template) : null;
    },
    async listJwtTemplates() {
      return [...t.jwtTemplates.values()].sort(byCreation((x) => x.id)).map(copy);
    },
    async replaceJwtTemplate(template) {
      const current = t.jwtTemplates.get(template.id);
      if (!current) return null;
      if (byName(template.name, template.id)) throw new StoreConflictError('name');
      const next = { ...copy(template), id: current.id, createdAt: current.createdAt };
      t.jwtTemplates.set(template.id, next);
      return copy(next);
    },
    async deleteJwtTemplate(id) {
      return t.jwtTemplates.delete(id);
    },
  };
}
