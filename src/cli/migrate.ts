import type { Command } from 'commander';
import { withRuntime } from './runtime.ts';
import { migrate } from '../platform/migrate.ts';

export function register(program: Command): void {
  program.command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .action(async () => {
      await withRuntime(async ({ db }) => {
        const r = await migrate(db);
        console.log(r.applied.length ? `Applied: ${r.applied.join(', ')}` : `Up to date (${r.alreadyApplied} migrations).`);
      });
    });
}
