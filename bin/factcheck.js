#!/usr/bin/env node
// The `factcheck` command: runs the TypeScript CLI (electron/cli/index.ts) through tsx, so it works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
