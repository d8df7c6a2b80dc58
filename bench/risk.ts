// Risk stratification benchmark (docs/BENCHMARKS.md, "Risk stratification"). Never part of the tests.
//   node --import tsx bench/risk.ts prepare <people> <firstYear-lastYear> <root> [--copies k] [--format csv|parquet]
//       generate <people> and land them in the warehouse with the importers' DuckDB code; with --copies k
//       the landed warehouse is replicated k times (new person ids, populations × k, same small areas),
//       so 5,000,000 generated × 11 copies is a 55M England without 45 GB of CSV
//   node --import tsx bench/risk.ts replicate <landed dataDir> <root> <k>
//       replicate an already landed warehouse (e.g. <5M root>/data) k times into <root>/data
//   node --import tsx bench/risk.ts run <root> [--append docs/BENCHMARKS.md]       link, train, validate, score, views
// Training and scoring run in one process (DuckDB memory_limit 2.5GB; the JS side holds the training
// sample and the test year's scores as Float64Arrays); peak RSS comes from /proc/self/status (VmHWM).
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runGenerator } from '../src/analytics/generator/index.ts';
import { openDuck, sqlLiteral, type Duck } from '../src/analytics/duckdb.ts';
import { datasetDir, type DatasetName } from '../src/analytics/warehouse/schema.ts';
import { landGeneratedFiles } from '../src/needs/testing/synthetic-warehouse.ts';
import { openLinkage } from '../src/needs/linkage.ts';
import { trainModel } from '../src/needs/train.ts';
import { buildViews, scorePopulation, writeScoresParquet } from '../src/needs/score.ts';
import { loadSegmentation } from '../src/needs/segments.ts';

const DATASETS: DatasetName[] = ['apc', 'op', 'ae', 'deaths', 'population', 'imd'];

/** Copies a landed warehouse k times over: person-level rows get new ids (`<id>-<copy>`), populations × k. */
async function replicate(duck: Duck, from: string, to: string, k: number): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const ds of DATASETS) {
    const dir = datasetDir(from, ds);
    const files = readdirSync(dir).filter((f) => f.endsWith('.parquet'));
    mkdirSync(datasetDir(to, ds), { recursive: true });
    rows[ds] = 0;
    for (const f of files) {
      const input = sqlLiteral(join(dir, f));
      const out = join(datasetDir(to, ds), f);
      const select = ds === 'population' ? `SELECT * REPLACE (population * ${k} AS population) FROM read_parquet(${input})`
        : ds === 'imd' ? `SELECT * FROM read_parquet(${input})`
        : `SELECT * REPLACE (person_id || '-' || r AS person_id) FROM read_parquet(${input}), range(${k}) t(r)`;
      await duck.run(`COPY (${select}) TO ${sqlLiteral(out)} (FORMAT parquet, COMPRESSION zstd)`);
      rows[ds] += (await duck.all<{ n: number }>(`SELECT count(*) AS n FROM read_parquet(${sqlLiteral(out)})`))[0]!.n;
    }
  }
  return rows;
}

const option = (args: string[], name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const now = () => performance.now() / 1000;
/** CPU seconds of the whole process (every DuckDB thread included): comparable on a loaded machine. */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const [mode, ...args] = process.argv.slice(2);

if (mode === 'prepare') {
  const [people, years, root] = args as [string, string, string];
  const copies = Number(option(args, '--copies') ?? 1);
  const format = (option(args, '--format') ?? 'csv') as 'csv' | 'parquet';
  if (!(Number.isInteger(copies) && copies >= 1) || !['csv', 'parquet'].includes(format)) throw new Error('--copies must be a whole number ≥ 1, --format csv or parquet');
  const [a, b] = years.split('-').map(Number) as [number, number];
  let t = now();
  await runGenerator({ people: Number(people), firstYear: a, lastYear: b, seed: 1, outDir: join(root, 'source'), format,
    onProgress: (done, total) => { if (done % 500_000 < 2000) process.stderr.write(`\rgenerate ${done}/${total}`); } });
  console.log(`\ngenerated ${people} people (${format}) in ${(now() - t).toFixed(1)} s`);
  t = now();
  const landed = join(root, copies > 1 ? 'base' : 'data');
  await landGeneratedFiles(join(root, 'source'), landed, (f) => process.stderr.write(`land ${f}\n`));
  console.log(`landed in the warehouse in ${(now() - t).toFixed(1)} s`);
  if (copies > 1) {
    t = now();
    const duck = await openDuck({ memoryLimit: '2GB', tempDirectory: join(root, 'spill') });
    try {
      const rows = await replicate(duck, landed, join(root, 'data'), copies);
      console.log(`replicated ×${copies} (${Number(people) * copies} people) in ${(now() - t).toFixed(1)} s: ${JSON.stringify(rows)} rows`);
    } finally {
      duck.close();
      rmSync(join(root, 'spill'), { recursive: true, force: true });
    }
  }
} else if (mode === 'replicate') {
  const [from, root, k] = args as [string, string, string];
  const t = now();
  const duck = await openDuck({ memoryLimit: '2GB', tempDirectory: join(root, 'spill') });
  try {
    const rows = await replicate(duck, from, join(root, 'data'), Number(k));
    console.log(`replicated ×${k} in ${(now() - t).toFixed(1)} s: ${JSON.stringify(rows)} rows`);
  } finally {
    duck.close();
    rmSync(join(root, 'spill'), { recursive: true, force: true });
  }
} else if (mode === 'run') {
  const root = args[0]!;
  const dataDir = join(root, 'data');
  const appendTo = option(args, '--append');
  const rows = (ds: string) => readdirSync(join(dataDir, 'warehouse', ds)).reduce((s, f) => s + statSync(join(dataDir, 'warehouse', ds, f)).size, 0);
  const t0 = now();
  const cpuAt: number[] = [cpu()];
  const link = await openLinkage({ dataDir, memoryLimit: process.env.RISK_MEMORY ?? '2500MB', threads: 2 });
  const tLink = now() - t0;
  cpuAt.push(cpu());
  const t1 = now();
  const lookbackYears = link.years.length >= 5 ? 2 : 1;
  const model = await trainModel(link, { lookbackYears, progress: (s) => process.stderr.write(`train: ${s}\n`) });
  const tTrain = now() - t1;
  cpuAt.push(cpu());
  const t2 = now();
  const scored = await scorePopulation(link, model, { segmentation: loadSegmentation(), progress: (s) => process.stderr.write(`score: ${s}\n`) });
  const tScore = now() - t2;
  cpuAt.push(cpu());
  const t3 = now();
  await buildViews(link, link.years[link.years.length - 1]! + 1);
  const tViewsOnly = now() - t3;
  await writeScoresParquet(link, join(root, 'scores.parquet'));
  const tViews = now() - t3;
  cpuAt.push(cpu());
  const tParquet = tViews - tViewsOnly;
  const [ev] = await link.duck.all<{ n: number; people: number }>('SELECT count(*) AS n, count(DISTINCT person_id) AS people FROM events');
  const [pop] = await link.duck.all<{ people: number; no_contact: number }>(`SELECT population AS people, no_contact FROM area_totals WHERE area = 'ENG'`);
  const scale = 55e6 / Math.max(1, Number(pop?.people ?? 0));
  const viewSteps = { views: tViewsOnly, scoresParquet: tParquet };
  link.close();
  const total = now() - t0;
  const p = model.performance;
  const result = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
    events: ev?.n, people: ev?.people, scored: scored.people, noContact: scored.noContactPeople, viewSteps, years: link.years, lookbackYears, warehouseMb: Math.round((rows('apc') + rows('op') + rows('ae')) / 2 ** 20),
    seconds: { link: tLink, train: tTrain, score: tScore, views: tViews, total },
    cpuSeconds: Object.fromEntries(['link', 'train', 'score', 'views'].map((k, i) => [k, cpuAt[i + 1]! - cpuAt[i]!])), trainTimings: model.timings, peakRssMb: Math.round(peakRssMb()),
    auroc: p.model.auroc, baseline: p.baseline.auroc.value, top: p.model.top, testPeople: p.people,
    population: pop?.people,
    // linear in the population (every step is a scan, hash aggregate or join); sorts make it optimistic
    extrapolated55M: { linkAndScoreMinutes: ((tLink + tScore) * scale) / 60, withViewsMinutes: ((tLink + tScore + tViews) * scale) / 60 },
    // the same from CPU seconds spread over the 2 threads: what a quiet 2-core machine would take if every step kept both busy
    extrapolated55MFromCpu: { linkAndScoreMinutes: ((cpuAt[1]! - cpuAt[0]! + cpuAt[3]! - cpuAt[2]!) * scale) / 2 / 60,
      withViewsMinutes: ((cpuAt[1]! - cpuAt[0]! + cpuAt[4]! - cpuAt[2]!) * scale) / 2 / 60 },
  };
  console.log(JSON.stringify(result, null, 2));
  if (appendTo) {
    const f = (s: number) => `${s.toFixed(1)} s`;
    appendFileSync(appendTo, `\n| ${new Date().toISOString().slice(0, 10)} | ${ev?.people?.toLocaleString('en-GB')} people known (${scored.people.toLocaleString('en-GB')} scored), ${ev?.n?.toLocaleString('en-GB')} events, FY ${link.years.join(', ')} | ${f(tLink)} | ${f(tTrain)} | ${f(tScore)} | ${f(tViews)} | ${f(total)} | ${result.peakRssMb} MB | ${p.model.auroc.value.toFixed(3)} (${p.model.auroc.lower95.toFixed(3)}–${p.model.auroc.upper95.toFixed(3)}) vs ${p.baseline.auroc.value.toFixed(3)} |\n`);
  }
} else {
  console.error('usage: bench/risk.ts prepare <people> <firstYear-lastYear> <root> [--copies k] [--format csv|parquet] | run <root> [--append FILE]');
  process.exit(2);
}
