import { createMemoryStore } from './memory/index.ts';
import { storeConformance } from './store.case.ts';

storeConformance('memory', async () => createMemoryStore());
