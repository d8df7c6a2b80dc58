// Risk stratification benchmark (docs/BENCHMARKS.md, "Risk stratification"). Never part of the tests.
//   node --import tsx bench/risk.ts prepare <people> <firstYear-lastYear> <root>   generate + land in the warehouse
//   node --import tsx bench/risk.ts run <root> [--append docs/BENCHMARKS.md]       link, train, validate, score, views
// Training and scoring run in one process (DuckDB memory_limit 2.5GB; the JS side holds the training
// sample and the test year's scores as Float64Arrays); peak RSS comes from /proc/self/status (VmHWM).
import { appendFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runGenerator } from '../src/analytics/generator/index.ts';
import { landGeneratedFiles } from '../src/needs/testing/synthetic-warehouse.ts';
import { openLinkage } from '../src/needs/linkage.ts';
import { trainModel } from '../src/needs/train.ts';
import { buildViews, scorePopulation, writeScoresParquet } from '../src/needs/score.ts';
import { loadSegmentation } from '../src/needs/segments.ts';

const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const now = () => performance.now() / 1000;
const [mode, ...args] = process.argv.slice(2);

if (mode === 'prepare') {
  const [people, years, root] = args as [string, string, string];
  const [a, b] = years.split('-').map(Number) as [number, number];
  let t = now();
  await runGenerator({ people: Number(people), firstYear: a, lastYear: b, seed: 1, outDir: join(root, 'source'),
    onProgress: (done, total) => { if (done % 500_000 < 2000) process.stderr.write(`\rgenerate ${done}/${total}`); } });
  console.log(`\ngenerated in ${(now() - t).toFixed(1)} s`);
  t = now();
  await landGeneratedFiles(join(root, 'source'), join(root, 'data'), (f) => process.stderr.write(`land ${f}\n`));
  console.log(`landed in the warehouse in ${(now() - t).toFixed(1)} s`);
} else if (mode === 'run') {
  const root = args[0]!;
  const dataDir = join(root, 'data');
  const appendTo = args.indexOf('--append') >= 0 ? args[args.indexOf('--append') + 1] : undefined;
  const rows = (ds: string) => readdirSync(join(dataDir, 'warehouse', ds)).reduce((s, f) => s + statSync(join(dataDir, 'warehouse', ds, f)).size, 0);
  const t0 = now();
  const link = await openLinkage({ dataDir, memoryLimit: '2500MB', threads: 2 });
  const tLink = now() - t0;
  const [ev] = await link.duck.all<{ n: number; people: number }>('SELECT count(*) AS n, count(DISTINCT person_id) AS people FROM events');
  const t1 = now();
  const lookbackYears = link.years.length >= 5 ? 2 : 1;
  const model = await trainModel(link, { lookbackYears, progress: (s) => process.stderr.write(`train: ${s}\n`) });
  const tTrain = now() - t1;
  const t2 = now();
  const scored = await scorePopulation(link, model, { segmentation: loadSegmentation(), progress: (s) => process.stderr.write(`score: ${s}\n`) });
  const tScore = now() - t2;
  const t3 = now();
  await buildViews(link, link.years[link.years.length - 1]! + 1);
  await writeScoresParquet(link, join(root, 'scores.parquet'));
  const tViews = now() - t3;
  const [pop] = await link.duck.all<{ people: number }>(`SELECT people FROM area_population WHERE area = 'ENG'`);
  const scale = 55e6 / Math.max(1, Number(pop?.people ?? 0));
  link.close();
  const total = now() - t0;
  const p = model.performance;
  const result = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
    events: ev?.n, people: ev?.people, scored: scored.people, years: link.years, lookbackYears, warehouseMb: Math.round((rows('apc') + rows('op') + rows('ae')) / 2 ** 20),
    seconds: { link: tLink, train: tTrain, score: tScore, views: tViews, total }, trainTimings: model.timings, peakRssMb: Math.round(peakRssMb()),
    auroc: p.model.auroc, baseline: p.baseline.auroc.value, top: p.model.top, testPeople: p.people,
    population: pop?.people,
    // linear in the population (every step is a scan, hash aggregate or join); sorts make it optimistic
    extrapolated55M: { linkAndScoreMinutes: ((tLink + tScore) * scale) / 60, withViewsMinutes: ((tLink + tScore + tViews) * scale) / 60 },
  };
  console.log(JSON.stringify(result, null, 2));
  if (appendTo) {
    const f = (s: number) => `${s.toFixed(1)} s`;
    appendFileSync(appendTo, `\n| ${new Date().toISOString().slice(0, 10)} | ${ev?.people?.toLocaleString('en-GB')} people known (${scored.people.toLocaleString('en-GB')} scored), ${ev?.n?.toLocaleString('en-GB')} events, FY ${link.years.join(', ')} | ${f(tLink)} | ${f(tTrain)} | ${f(tScore)} | ${f(tViews)} | ${f(total)} | ${result.peakRssMb} MB | ${p.model.auroc.value.toFixed(3)} (${p.model.auroc.lower95.toFixed(3)}–${p.model.auroc.upper95.toFixed(3)}) vs ${p.baseline.auroc.value.toFixed(3)} |\n`);
  }
} else {
  console.error('usage: bench/risk.ts prepare <people> <firstYear-lastYear> <root> | run <root> [--append FILE]');
  process.exit(2);
}
