// `wcc assurance`: load framework versions, list cycles with their phase, write a cycle's published open
// data, seed the demo cycle, and compute the calibration report — the same services the API calls.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { withRuntime } from './runtime.ts';
import { AppError } from '../platform/errors.ts';
import { listCycles, seedDemo, syncAssuranceFrameworks, toCsv } from '../assurance/index.ts';
import { phaseAt } from '../assurance/timetable.ts';
import { openData } from '../assurance/results-service.ts';

export function register(program: Command): void {
  const a = program.command('assurance').description('the annual assurance cycle');
  a.command('sync').description('load framework and autonomy-policy files into the database (idempotent)').action(async () => {
    await withRuntime(async ({ db }) => {
      const r = await syncAssuranceFrameworks(db);
      for (const [kind, rep] of Object.entries(r)) {
        console.log(`${kind}: ${rep.inserted.length} new, ${rep.updated.length} updated, ${rep.unchanged.length} unchanged`);
        for (const x of rep.refused) console.log(`  refused ${x.key}: ${x.reason}`);
      }
      if (r.frameworks.refused.length || r.policies.refused.length) process.exitCode = 5;
    });
  });
  a.command('cycles').description('list cycles with their phase now').action(async () => {
    await withRuntime(async ({ db }) => {
      for (const c of await listCycles(db)) {
        console.log(`${c.year}  ${`${c.frameworkId}@${c.frameworkVersion}`.padEnd(16)} ${phaseAt(c.timetable, new Date()).padEnd(22)} publication ${c.timetable.publicationAt}${c.confirmedAt ? '  confirmed' : ''}`);
      }
    });
  });
  a.command('open-data <year>').description('write a published cycle\'s open data, e.g. wcc assurance open-data 2009-10 --format csv --out results.csv')
    .option('--format <format>', 'csv or json', 'csv').option('--out <file>', 'write to a file instead of standard output')
    .action(async (year: string, opts: { format: string; out?: string }) => {
      if (!['csv', 'json'].includes(opts.format)) throw new AppError('invalid', `--format must be csv or json, not "${opts.format}"`);
      await withRuntime(async ({ db }) => {
        const data = await openData(db, year, new Date());
        const text = opts.format === 'csv' ? toCsv(data.columns, data.rows) : JSON.stringify({ year, ...data }, null, 2);
        if (opts.out) writeFileSync(opts.out, text); else process.stdout.write(text);
      });
    });
  a.command('seed-demo').description('create the 2009-10 demo cycle (idempotent)').action(async () => {
    await withRuntime(async ({ db }) => console.log((await seedDemo(db)) ? 'Demo cycle 2009-10 created.' : 'The 2009-10 cycle already exists.'));
  });
}
