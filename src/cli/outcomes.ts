// `wcc outcomes demo | report | profile`: the outcomes feature from the command line, through the same
// services as the API (demo selection, needs-assessment PDF, an area's profile as CSV or JSON).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import { withRuntime } from './runtime.ts';
import { loadCatalogue, syncCatalogue } from '../analytics/indicators/index.ts';
import { getProfile, seedDemo } from '../outcomes/index.ts';
import { needsAssessmentPdf } from '../outcomes/report.ts';
import { spineChart } from '../web/charts/profile-charts.ts';
import { tableToCsv } from '../web/charts/frame.ts';

export function register(program: Command): void {
  const cmd = program.command('outcomes').description('area profiles, local outcomes and the needs-assessment report');

  cmd.command('demo')
    .description('create the demo outcome cycle (2008-09) and, when indicator values exist, a submitted selection for 5C2 (idempotent)')
    .action(async () => {
      await withRuntime(async ({ db }) => {
        const r = await seedDemo(db, console.log);
        console.log(`cycle ${r.cycle ? 'created' : 'already there'}; selection ${r.selection ? 'created' : 'not created (exists, or no values for 5C2 yet)'}`);
      });
    });

  cmd.command('report <code>')
    .description('write the needs-assessment report of a PCT as PDF (as the national administrator would see it)')
    .option('--period <period>', 'indicator period, e.g. 2008-09 (default: the latest)')
    .requiredOption('--out <file>', 'PDF file to write')
    .action(async (code: string, opts: { period?: string; out: string }) => {
      await withRuntime(async ({ db }) => {
        await syncCatalogue(db, loadCatalogue());
        const admin = { userId: 'cli', email: 'cli', displayName: 'wcc CLI', roles: [{ role: 'national_admin' as const, orgCode: null }] };
        writeFileSync(opts.out, await needsAssessmentPdf(db, admin, code, opts.period));
        console.log(`wrote ${opts.out}`);
      });
    });

  cmd.command('profile <code>')
    .description('an area\'s indicators against a benchmark, as CSV (the spine chart\'s table) or JSON')
    .option('--period <period>', 'indicator period (default: the latest)')
    .option('--benchmark <kind>', 'england, parent or peers', 'england')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (code: string, opts: { period?: string; benchmark: string; format: string }) => {
      if (!['england', 'parent', 'peers'].includes(opts.benchmark)) throw new AppError('invalid', '--benchmark must be england, parent or peers');
      if (!['csv', 'json'].includes(opts.format)) throw new AppError('invalid', '--format must be csv or json');
      await withRuntime(async ({ db }) => {
        await syncCatalogue(db, loadCatalogue());
        const p = await getProfile(db, code, { period: opts.period, benchmark: opts.benchmark as 'england' });
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(p, null, 2)}\n` : tableToCsv(spineChart(p).table));
      });
    });
}
