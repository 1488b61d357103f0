#!/usr/bin/env node
// The server ships as TypeScript source; tsx compiles it on the fly (Node 20 cannot run .ts).
import { register } from 'tsx/esm/api';

register();
await import('../src/node/cli.ts');
