#!/usr/bin/env node
// Registers tsx so the TypeScript sources (cli/, steps/, engine/) load as-is,
// then hands over to cli/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
