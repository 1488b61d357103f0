import { backendJwtTemplateBody, emptyBody, type BackendJwtTemplateJSON, type ListJSON } from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import type { Runtime } from '../../services/runtime.ts';
import { createJwtTemplate, deleteJwtTemplate, getJwtTemplateOr404, replaceJwtTemplate, toJwtTemplateJSON } from '../../services/tokens/jwt-templates.ts';
import { pathId, type App, type AppContext } from '../types.ts';

/** /backend/v1/jwt_templates: list, create, read, replace (PUT or PATCH with the whole template), delete. */
export function registerBackendJwtTemplateRoutes(app: App, rt: Runtime): void {
  const templateId = (c: AppContext) => pathId(c, 'jtmp', 'jwt_template_not_found');

  app.get('/backend/v1/jwt_templates', async (c) => {
    const all = await rt.store.listJwtTemplates();
    const body: ListJSON<BackendJwtTemplateJSON> = { data: all.map(toJwtTemplateJSON), total_count: all.length };
    return c.json(body);
  });
  app.post('/backend/v1/jwt_templates', async (c) => c.json(toJwtTemplateJSON(await createJwtTemplate(rt, parseBody(backendJwtTemplateBody, c.get('body') ?? {}))), 201));
  app.get('/backend/v1/jwt_templates/:id', async (c) => c.json(toJwtTemplateJSON(await getJwtTemplateOr404(rt, templateId(c)))));
  for (const method of ['put', 'patch'] as const) {
    app[method]('/backend/v1/jwt_templates/:id', async (c) => {
      const id = templateId(c);
      return c.json(toJwtTemplateJSON(await replaceJwtTemplate(rt, id, parseBody(backendJwtTemplateBody, c.get('body') ?? {}))));
    });
  }
  app.delete('/backend/v1/jwt_templates/:id', async (c) => {
    const id = templateId(c);
    parseBody(emptyBody, c.get('body') ?? {});
    await deleteJwtTemplate(rt, id);
    return c.json({ object: 'jwt_template', id, deleted: true });
  });
}
