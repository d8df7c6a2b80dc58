/**
 * Benchmark: `wcc stats dsr` as a whole process (node start-up included; bin/wcc.js runs the precompiled
 * bundle when it is fresh, tsx otherwise, and the report says which) on the 1,000,008-row PHE input,
 * beside DuckDB computing the same DSR and Dobson limits in SQL over the same file, also as a whole
 * node process (plain JavaScript, no tsx, so neither side pays a loader the other does not).
 * Run alone: node --import tsx bench/stats-dsr.ts   (prints a Markdown section for docs/BENCHMARKS.md)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const input = process.env.WCC_DSR_INPUT ?? join(root, '..', 'shared', 'validation', 'phe', 'dsr_1m_input.csv.gz');
const runs = Number(process.env.WCC_BENCH_RUNS ?? 5);

/** DSR + Dobson (95% and 99.8%) in DuckDB SQL, Byar's limits written out. */
function duckdbSql(file: string, out: string): string {
  const byars = (z: number) => `
      o * power(1 - 1/(9*o) - ${z}/(3*sqrt(o)), 3) AS ol_${String(z).replace('.', '_')},
      (o+1) * power(1 - 1/(9*(o+1)) + ${z}/(3*sqrt(o+1)), 3) AS ou_${String(z).replace('.', '_')}`;
  const lim = (z: number, side: 'l' | 'u') => `CASE WHEN o < 10 THEN NULL ELSE dsr + sqrt(v/o) * (o${side}_${String(z).replace('.', '_')} - o) * 100000 END`;
  return `COPY (
    WITH g AS (
      SELECT area, sum(count) AS o, sum(pop) AS total_pop, sum(stdpop) AS w,
             sum(count * stdpop / pop) AS s1, sum(count * (stdpop / pop) * (stdpop / pop)) AS s2
      FROM read_csv('${file}', header = true, columns = {'area': 'VARCHAR', 'ageband': 'INTEGER', 'count': 'DOUBLE', 'pop': 'DOUBLE', 'stdpop': 'DOUBLE'})
      GROUP BY area
    ), d AS (
      SELECT area, o, total_pop, s1 / w * 100000 AS dsr, s2 / (w * w) AS v, ${byars(1.959963984540054)}, ${byars(3.090232306167813)} FROM g
    )
    SELECT area, o AS total_count, total_pop, CASE WHEN o < 10 THEN NULL ELSE dsr END AS value,
      ${lim(1.959963984540054, 'l')} AS lower95_0cl, ${lim(1.959963984540054, 'u')} AS upper95_0cl,
      ${lim(3.090232306167813, 'l')} AS lower99_8cl, ${lim(3.090232306167813, 'u')} AS upper99_8cl
    FROM d ORDER BY area
  ) TO '${out}' (HEADER, DELIMITER ',')`;
}

/** The DuckDB side as a plain ESM script for `node -e` (resolved from the repository root). */
function duckdbScript(out: string): string {
  return `const { DuckDBInstance } = await import('@duckdb/node-api');
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(${JSON.stringify(duckdbSql(input, out))});`;
}

interface Measure { wall: number; rssMb: number }
let lastVia = 'unknown';

/** Runs a command under /usr/bin/time; returns wall seconds and peak RSS in MB. */
function measure(cmd: string[]): Measure {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { cwd: root, encoding: 'utf8', env: { ...process.env, WCC_STATS_WHICH: '1' } });
  const via = /wcc: stats via (\w+)/.exec(r.stderr)?.[1];
  if (via) lastVia = via;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const [wall, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, rssMb: kb / 1024 };
}

/** Largest relative difference between two CSVs of the same columns keyed by the first (plain cells only). */
function maxRelativeDifference(a: string, b: string): number {
  const parse = (f: string) => readFileSync(f, 'utf8').trim().split('\n').map((l) => l.split(','));
  const [ha, ...ra] = parse(a);
  const [hb, ...rb] = parse(b);
  const other = new Map(rb.map((r) => [r[0], r]));
  let worst = 0;
  for (const r of ra) {
    const o = other.get(r[0]);
    if (!o) return Infinity;
    for (let c = 1; c < hb.length; c++) {
      const x = r[ha.indexOf(hb[c])], y = o[c];
      if (x === '' || y === '') { if (x !== y) return Infinity; continue; }
      worst = Math.max(worst, Math.abs(Number(x) - Number(y)) / Math.max(Math.abs(Number(y)), 1e-300));
    }
  }
  return worst;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(input)) { console.log(`stats-dsr: input ${input} not found, skipped`); return; }
  const ours = join(tmpdir(), `wcc-bench-dsr-${process.pid}.csv`);
  const theirs = join(tmpdir(), `wcc-bench-duckdb-${process.pid}.csv`);
  const registered = readFileSync(join(root, 'src/cli/commands.ts'), 'utf8').includes("'stats'");
  const entry = registered ? ['bin/wcc.js'] : ['--import', 'tsx', 'src/cli/stats-main.ts'];
  const cli = ['node', ...entry, 'stats', 'dsr', '--input', input, '--standard', 'esp2013', '--group-by', 'area', '--confidence', '95,99.8', '--output', ours];
  const duck = ['node', '--input-type=module', '-e', duckdbScript(theirs)];
  const { loadavg } = await import('node:os');
  const loadStart = loadavg();
  measure(cli); measure(duck); // warm caches (tsx transform cache, page cache)
  const a: Measure[] = [], b: Measure[] = [];
  for (let i = 0; i < runs; i++) { a.push(measure(cli)); b.push(measure(duck)); }
  const wa = median(a.map((m) => m.wall)), wb = median(b.map((m) => m.wall));
  const ra = Math.max(...a.map((m) => m.rssMb)), rb = Math.max(...b.map((m) => m.rssMb));
  const rows = readFileSync(ours, 'utf8').split('\n').length - 2;
  const agreement = maxRelativeDifference(ours, theirs);
  unlinkSync(ours); unlinkSync(theirs);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`## Statistics: DSR CLI

Run: \`node --import tsx bench/stats-dsr.ts\` (${new Date().toISOString().slice(0, 10)}), ${runs} alternating runs after one warm-up, medians.

- Command: \`${cli.join(' ').replace(input, 'dsr_1m_input.csv.gz').replace(ours, 'out.csv')}\`
- Data: dsr_1m_input.csv.gz — 1,000,008 rows (52,632 areas × 19 ESP2013 bands), ${(statSync(input).size / 1e6).toFixed(1)} MB gzipped; ${rows} output rows
- wcc ran via: ${lastVia === 'bundle' ? 'the precompiled bundle (dist/cli/stats.js)' : lastVia}; DuckDB: \`node -e\` running the SQL through @duckdb/node-api, output to CSV
- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}; load average (1, 5, 15 min) at start ${loadStart.map((l) => l.toFixed(2)).join(', ')}, at end ${loadavg().map((l) => l.toFixed(2)).join(', ')}

| | wall (median) | runs | peak RSS |
|---|---|---|---|
| wcc stats dsr (whole process) | ${wa.toFixed(2)} s | ${a.map((m) => m.wall.toFixed(2)).join(', ')} | ${ra.toFixed(0)} MB |
| DuckDB SQL (whole process, @duckdb/node-api) | ${wb.toFixed(2)} s | ${b.map((m) => m.wall.toFixed(2)).join(', ')} | ${rb.toFixed(0)} MB |

Largest relative difference between the two outputs: ${agreement.toExponential(1)}.

Ratio wcc / DuckDB: **${(wa / wb).toFixed(2)}×** (goal ≤ 1.5×); goal wall ≤ 1.0 s: ${wa <= 1 ? 'met' : 'not met'}; goal RSS ≤ 500 MB: ${ra <= 500 ? 'met' : 'not met'}.
`);
}

await main();
