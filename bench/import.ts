// Benchmark of `wcc import hes-apc` at national scale: generate a synthetic APC year with the generator
// at a modest size, replicate it (new EPIKEY/PSEUDO_HESID per copy) to N rows in the generator's HES
// format, then import it through the same service the CLI uses (validation in DuckDB, Parquet out,
// provenance in an embedded PostgreSQL). Reports wall time per phase and peak memory.
// Usage: node --import tsx bench/import.ts [rows=20000000] [--format csv|parquet] [--parts N] [--append docs/BENCHMARKS.md]
//        [--keep-input DIR] (keep the generated input there) [--input FILE…] (import existing files instead)
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGenerator } from '../src/analytics/generator/index.ts';
import { openDuck, sqlLiteral } from '../src/analytics/duckdb.ts';
import { importFiles } from '../src/analytics/import/service.ts';
import { startTestDatabase } from '../src/platform/testing/test-database.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const optionValues = new Set(['--format', '--parts', '--append', '--keep-input'].map((o) => args.indexOf(o) + 1).filter((i) => i > 0));
const rows = Number(args.find((a, i) => /^\d+$/.test(a) && !optionValues.has(i)) ?? 20_000_000);
// --input FILE… (every argument after it): import these files instead of generating.
const inputs = args.includes('--input') ? args.slice(args.indexOf('--input') + 1) : [];
const format = option('--format') ?? (inputs[0]?.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
const parts = Math.max(1, Number(option('--parts') ?? 1));
const appendTo = option('--append');
const keepInput = option('--keep-input');
const dir = mkdtempSync(join(tmpdir(), 'wcc-bench-import-'));

// Sample RSS while the import runs (DuckDB's memory is native, inside this process).
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 200);

/** The generator's APC year for 400,000 people, replicated with fresh EPIKEY/PSEUDO_HESID to `rows`, in `parts` files. */
async function prepareInput(): Promise<{ files: string[]; episodes: number; note: string }> {
  const gen = await runGenerator({ people: 400_000, firstYear: 2008, lastYear: 2008, seed: 7, outDir: join(dir, 'gen') });
  const base = gen.files.find((f) => f.file.includes('hes_apc_0809'));
  if (!base) throw new Error('the generator wrote no APC file');
  const copies = Math.max(1, Math.round(rows / base.rows));
  const outDir = keepInput ?? dir;
  mkdirSync(outDir, { recursive: true });
  const duck = await openDuck({ tempDirectory: join(dir, 'spill'), memoryLimit: '2GB' });
  const files: string[] = [];
  try {
    await duck.run('SET preserve_insertion_order = false'); // lets the replicated copy stream instead of buffering
    for (let p = 0; p < parts; p++) {
      const file = join(outDir, `hes_apc_0809_national${parts > 1 ? `_part${p + 1}` : ''}.${format}`);
      await duck.run(`COPY (
          SELECT * REPLACE (EPIKEY || lpad(CAST(r AS VARCHAR), 3, '0') AS EPIKEY, PSEUDO_HESID || lpad(CAST(r AS VARCHAR), 3, '0') AS PSEUDO_HESID)
          FROM read_csv(${sqlLiteral(base.file)}, all_varchar = true) CROSS JOIN range(${copies}) t(r) WHERE r % ${parts} = ${p}
        ) TO ${sqlLiteral(file)} ${format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(HEADER, DELIMITER \',\')'}`);
      files.push(file);
    }
  } finally {
    duck.close();
  }
  return { files, episodes: base.rows * copies,
    note: `generator 400,000 people → ${base.rows.toLocaleString('en-GB')} APC rows, replicated ×${copies}${parts > 1 ? ` into ${parts} files` : ''}` };
}

try {
  const t0 = Date.now();
  const input = inputs.length > 0 ? { files: inputs, episodes: 0, note: `given files ${inputs.join(' ')}` } : await prepareInput();
  const prepSeconds = (Date.now() - t0) / 1000;
  const bytes = input.files.reduce((sum, f) => sum + statSync(f).size, 0);
  peakRss = 0;

  const tdb = await startTestDatabase();
  const phases: string[] = [];
  let last = Date.now();
  let lastStage = '';
  const t1 = Date.now();
  const cpu0 = process.cpuUsage();
  const results = await importFiles({ db: tdb.db, dataDir: join(dir, 'data') },
    input.files.map((file) => ({ kind: 'hes-apc' as const, file, actor: null, createdBy: 'bench' })), (i, _f, stage) => {
      const name = input.files.length > 1 ? `part ${i + 1} ${stage}` : stage;
      if (name === lastStage) return;
      if (lastStage) phases.push(`${lastStage} ${((Date.now() - last) / 1000).toFixed(1)} s`);
      lastStage = name;
      last = Date.now();
    });
  const seconds = (Date.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await tdb.stop();
  clearInterval(sampler);
  const peakMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
  const failed = results.find((r) => r.status !== 'imported');
  if (failed) throw new Error(`import failed: ${failed.message}\n${failed.errors.join('\n')}`);
  const episodes = results.reduce((sum, r) => sum + r.rowsWritten, 0);
  const parquetBytes = results.reduce((sum, r) => sum + (r.parquetFile ? statSync(r.parquetFile).size : 0), 0);

  const what = `hes-apc, ${input.files.length > 1 ? `${input.files.length} files` : 'one file'} (${format.toUpperCase()})`;
  const line = `| ${what} | ${episodes.toLocaleString('en-GB')} episodes, ${(bytes / 1e9).toFixed(2)} GB | ${seconds.toFixed(0)} s (${Math.round(episodes / seconds).toLocaleString('en-GB')} rows/s) | ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s | ${peakMb.toFixed(0)} MB | ${(parquetBytes / 1e9).toFixed(2)} GB | ${phases.join('; ')} |`;
  const table = ['| run | input | import wall time | CPU time | peak RSS | Parquet out | phases |', '|---|---|---|---|---|---|---|', line].join('\n');
  console.log(table);
  console.log(`(input prepared in ${prepSeconds.toFixed(0)} s: ${input.note}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  if (appendTo) {
    if (!existsSync(appendTo)) writeFileSync(appendTo, '# Benchmarks\n');
    appendFileSync(appendTo, `\n## Imports\n\nMeasured ${new Date().toISOString().slice(0, 10)} on this machine (${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end), Node ${process.version}, \`node --import tsx bench/import.ts ${args.join(' ')}\`. Input: ${input.note}, in the generator's HES format. The import is the full \`wcc import hes-apc\` path (one batch): SHA-256, the one-pass check and transform to zstd Parquet (the staged path only for invalid files), provenance in PostgreSQL. DuckDB: 2 threads, 3 GB memory limit; peak RSS is the whole process (Node + DuckDB).\n\n${table}\n`);
  }
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
