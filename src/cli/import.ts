// `wcc import <kind> FILE…`: validate each file whole, then import them as one batch (Parquet
// warehouse and/or PostgreSQL), with a progress bar on stderr. Exit code 2 when a file has invalid rows
// (nothing of the batch is written unless --skip-invalid).
import { userInfo } from 'node:os';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '../platform/errors.ts';
import { withRuntime } from './runtime.ts';
import { IMPORT_KINDS, isImportKind } from '../analytics/import/spec.ts';
import { importFiles, type ImportResult } from '../analytics/import/service.ts';

interface ImportOptions {
  skipInvalid?: boolean;
  mapping?: string;
  indicator?: string;
  imdYear?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program.command('import')
    .description(`import data files: ${IMPORT_KINDS.join(', ')} (see docs/IMPORTS.md)`)
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<files...>', 'CSV or Parquet files')
    .option('--skip-invalid', 'import the valid rows and write the invalid ones to <file>.rejects.csv')
    .option('--mapping <mapping>', 'indicator-values: field=column,… or a JSON file')
    .option('--indicator <id>', 'indicator-values: the indicator id when the file has no column for it')
    .option('--imd-year <year>', 'imd: the IMD edition when the file name does not say (imd2007_…)')
    .option('--json', 'print the results as JSON on stdout')
    .action(async (kind: string, files: string[], opts: ImportOptions) => {
      if (!isImportKind(kind)) throw new AppError('invalid', `unknown kind "${kind}"; one of ${IMPORT_KINDS.join(', ')}`);
      for (const f of files) if (!existsSync(f)) throw new AppError('not_found', `no such file: ${f}`);
      const imdYear = opts.imdYear === undefined ? undefined : Number(opts.imdYear);
      if (imdYear !== undefined && !Number.isInteger(imdYear)) throw new AppError('invalid', '--imd-year must be a year');
      let results: ImportResult[] = [];
      await withRuntime(async ({ db, config }) => {
        // One batch: every file is checked before any is recorded, so a year split into parts lands whole or not at all.
        let bar: cliProgress.SingleBar | null = null;
        let current = -1;
        try {
          results = await importFiles({ db, dataDir: config.dataDir }, files.map((file) => ({
            kind, file, skipInvalid: opts.skipInvalid ?? false, actor: null, createdBy: `cli:${userInfo().username}`,
            options: { mapping: opts.mapping, indicatorId: opts.indicator, imdYear },
          })), (index, fraction, stage) => {
            if (index !== current) {
              bar?.stop();
              current = index;
              bar = new cliProgress.SingleBar({
                stream: process.stderr, format: `${files[index]} |{bar}| {percentage}% {stage}`, hideCursor: true, clearOnComplete: true,
              }, cliProgress.Presets.shades_classic);
              bar.start(100, 0, { stage });
            }
            bar?.update(Math.round(fraction * 100), { stage });
          });
        } finally {
          (bar as cliProgress.SingleBar | null)?.stop();
        }
        if (!opts.json) results.forEach(printResult);
      });
      if (opts.json) console.log(JSON.stringify(results, null, 2));
      if (results.some((r) => r.status === 'invalid' || r.status === 'withheld')) process.exitCode = 2;
    });
}

function printResult(r: ImportResult): void {
  for (const e of r.errors) process.stderr.write(`${e}\n`);
  if (r.errorCount > r.errors.length) process.stderr.write(`… and ${r.errorCount - r.errors.length} more error(s)\n`);
  (r.status === 'invalid' || r.status === 'withheld' ? process.stderr : process.stdout).write(`${r.message}\n`);
}
