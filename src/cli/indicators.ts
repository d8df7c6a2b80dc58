// `wcc indicators compute | list | export`: the indicator engine from the command line, calling the
// same service the API's compute job calls.
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '../platform/errors.ts';
import { withRuntime } from './runtime.ts';
import { computeIndicators, listIndicators, findValues, getIndicator, syncCatalogue, loadCatalogue, valuesToCsv, valuesToJson } from '../analytics/indicators/index.ts';

export function register(program: Command): void {
  const cmd = program.command('indicators').description('the indicator catalogue and its computed values');

  cmd.command('compute')
    .description('compute indicators for every PCT, SHA and England (only what changed, unless --force)')
    .option('--indicator <id>', 'one indicator')
    .option('--year <year>', 'one year: the financial year starting then (HES) or the calendar year (deaths)')
    .option('--force', 'recompute even when the inputs have not changed')
    .action(async (opts: { indicator?: string; year?: string; force?: boolean }) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw new AppError('invalid', '--year must be a year such as 2008');
      await withRuntime(async ({ db, config }) => {
        const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'indicators |{bar}| {value}/{total} {task}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
        bar.start(1, 0, { task: 'starting' });
        try {
          const s = await computeIndicators({ db, dataDir: config.dataDir }, { indicator: opts.indicator, year, force: opts.force, computedBy: `cli:${userInfo().username}` },
            (done, total, task) => { bar.setTotal(Math.max(total, 1)); bar.update(done, { task }); });
          bar.stop();
          for (const c of s.computed) console.log(`${c.indicatorId.padEnd(34)} ${c.period.padEnd(8)} ${String(c.values).padStart(6)} values ${c.ms.toFixed(0).padStart(7)} ms`);
          console.log(`${s.computed.length} computed, ${s.skipped} unchanged, ${(s.totalMs / 1000).toFixed(1)} s`);
        } finally {
          bar.stop();
        }
      });
    });

  cmd.command('list')
    .description('list the catalogue with the periods that have values')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { format: string }) => {
      if (!['table', 'json'].includes(opts.format)) throw new AppError('invalid', '--format must be table or json');
      await withRuntime(async ({ db }) => {
        await syncCatalogue(db, loadCatalogue());
        const list = await listIndicators(db);
        if (opts.format === 'json') return console.log(JSON.stringify(list, null, 2));
        for (const i of list) {
          const periods = i.periods.length ? `${i.periods[0]}…${i.periods[i.periods.length - 1]} (${i.periods.length})` : '-';
          console.log(`${i.id.padEnd(34)} ${i.method.padEnd(15)} ${(i.computed ? 'computed' : 'uploaded').padEnd(9)} ${(i.vitalSigns ?? '').padEnd(6)} ${periods.padEnd(24)} ${i.title}`);
        }
        console.log(`${list.length} indicator(s)`);
      });
    });

  cmd.command('export')
    .description('export one indicator\'s values (all areas, periods and breakdowns)')
    .requiredOption('--indicator <id>', 'indicator id')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--period <period>', 'one period, e.g. 2008-09 or 2014')
    .action(async (opts: { indicator: string; format: string; output?: string; period?: string }) => {
      if (!['csv', 'json'].includes(opts.format)) throw new AppError('invalid', '--format must be csv or json');
      await withRuntime(async ({ db }) => {
        await syncCatalogue(db, loadCatalogue());
        if (!(await getIndicator(db, opts.indicator))) throw new AppError('not_found', `no indicator ${opts.indicator}`);
        const rows = await findValues(db, { indicatorId: opts.indicator, period: opts.period });
        const text = opts.format === 'csv' ? valuesToCsv(rows) : valuesToJson(rows);
        if (opts.output) {
          writeFileSync(opts.output, text);
          console.error(`${rows.length} row(s) written to ${opts.output}`);
        } else process.stdout.write(text);
      });
    });
}
