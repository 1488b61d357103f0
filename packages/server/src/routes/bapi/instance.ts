import { backendInstanceSettingsBody } from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import { toInstanceSettingsJSON, updateInstanceSettings } from '../../services/backend/instance-settings.ts';
import type { Runtime } from '../../services/runtime.ts';
import type { App } from '../types.ts';

/** /backend/v1/instance: the settings in effect, and changes to them (they apply to the next request). */
export function registerBackendInstanceRoutes(app: App, rt: Runtime): void {
  app.get('/backend/v1/instance', (c) => c.json(toInstanceSettingsJSON(c.get('instance'))));
  app.patch('/backend/v1/instance', async (c) => c.json(toInstanceSettingsJSON(await updateInstanceSettings(rt, parseBody(backendInstanceSettingsBody, c.get('body') ?? {})))));
}
