#!/usr/bin/env node
// Runs the TypeScript sources through tsx (no separate compile step for the Node side).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../crawler/cli/main.ts');
await main(process.argv);
