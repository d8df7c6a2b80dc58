// Benchmark of `wcc import hes-apc` at national scale: generate a synthetic APC year with the generator
// at a modest size, replicate it (new EPIKEY/PSEUDO_HESID per copy) to N rows in the generator's HES
// format, then import it through the same service the CLI uses (validation in DuckDB, Parquet out,
// provenance in an embedded PostgreSQL). Reports wall time per phase and peak memory.
// Usage: node --import tsx bench/import.ts [rows=20000000] [--format csv|parquet] [--parts N] [--append docs/BENCHMARKS.md]
//        [--keep-input DIR] (keep the generated input there) [--input FILE…] (import existing files instead)
import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGenerator } from '../src/analytics/generator/index.ts';
import { openDuck, sqlLiteral } from '../src/analytics/duckdb.ts';
import { importFile } from '../src/analytics/import/service.ts';
import { startTestDatabase } from '../src/platform/testing/test-database.ts';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000_000);
const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : 'csv';
const appendTo = args.includes('--append') ? args[args.indexOf('--append') + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), 'wcc-bench-import-'));

// Sample RSS while the import runs (DuckDB's memory is native, inside this process).
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 200);

try {
  const t0 = Date.now();
  const gen = await runGenerator({ people: 400_000, firstYear: 2008, lastYear: 2008, seed: 7, outDir: join(dir, 'gen') });
  const base = gen.files.find((f) => f.file.includes('hes_apc_0809'));
  if (!base) throw new Error('the generator wrote no APC file');
  const copies = Math.max(1, Math.round(rows / base.rows));
  const file = join(dir, `hes_apc_0809_national.${format}`);
  const duck = await openDuck({ tempDirectory: join(dir, 'spill'), memoryLimit: '2GB' });
  await duck.run('SET preserve_insertion_order = false'); // lets the replicated copy stream instead of buffering
  await duck.run(`COPY (
      SELECT * REPLACE (EPIKEY || lpad(CAST(r AS VARCHAR), 3, '0') AS EPIKEY, PSEUDO_HESID || lpad(CAST(r AS VARCHAR), 3, '0') AS PSEUDO_HESID)
      FROM read_csv(${sqlLiteral(base.file)}, all_varchar = true) CROSS JOIN range(${copies}) t(r)
    ) TO ${sqlLiteral(file)} ${format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(HEADER, DELIMITER \',\')'}`);
  duck.close();
  const prepSeconds = (Date.now() - t0) / 1000;
  const bytes = statSync(file).size;
  const episodes = base.rows * copies;
  peakRss = 0;

  const tdb = await startTestDatabase();
  const phases: string[] = [];
  let last = Date.now();
  let lastStage = '';
  const t1 = Date.now();
  const result = await importFile({ db: tdb.db, dataDir: join(dir, 'data') }, { kind: 'hes-apc', file, actor: null, createdBy: 'bench' }, (_f, stage) => {
    if (stage === lastStage) return;
    if (lastStage) phases.push(`${lastStage} ${((Date.now() - last) / 1000).toFixed(1)} s`);
    lastStage = stage;
    last = Date.now();
  });
  const seconds = (Date.now() - t1) / 1000;
  await tdb.stop();
  clearInterval(sampler);
  const peakMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
  if (result.status !== 'imported') throw new Error(`import failed: ${result.message}\n${result.errors.join('\n')}`);
  const parquetBytes = result.parquetFile ? statSync(result.parquetFile).size : 0;

  const line = `| hes-apc, one national year (${format.toUpperCase()}) | ${episodes.toLocaleString('en-GB')} episodes, ${(bytes / 1e9).toFixed(2)} GB | ${seconds.toFixed(0)} s (${Math.round(episodes / seconds).toLocaleString('en-GB')} rows/s) | ${peakMb.toFixed(0)} MB | ${(parquetBytes / 1e9).toFixed(2)} GB | ${phases.join('; ')} |`;
  const table = ['| run | input | import wall time | peak RSS | Parquet out | phases |', '|---|---|---|---|---|---|', line].join('\n');
  console.log(table);
  console.log(`(input prepared in ${prepSeconds.toFixed(0)} s: generator 400,000 people → ${base.rows.toLocaleString('en-GB')} APC rows, replicated ×${copies})`);
  if (appendTo) {
    if (!existsSync(appendTo)) writeFileSync(appendTo, '# Benchmarks\n');
    appendFileSync(appendTo, `\n## Imports\n\nMeasured ${new Date().toISOString().slice(0, 10)} on this machine (${cpus().length} cores, shared with other sessions; load average ${loadavg()[0]?.toFixed(1)} at the end), Node ${process.version}, \`node --import tsx bench/import.ts ${args.join(' ')}\`. Input: the generator's APC 2008-09 file (400,000 people) replicated with fresh EPIKEY/PSEUDO_HESID to the row count, in the generator's HES format. The import is the full \`wcc import hes-apc\` path: SHA-256, DuckDB staging (all VARCHAR, line numbers), one validation query over every cell rule, transform to the \`apc\` schema, zstd Parquet, provenance in PostgreSQL. DuckDB memory limit 3 GB (spills to disk beyond it); peak RSS is the whole process (Node + DuckDB).\n\n${table}\n`);
  }
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
