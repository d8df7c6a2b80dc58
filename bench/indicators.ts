// Benchmark of the indicator engine. Builds a warehouse the way production does (synthetic England from
// the generator, imported through the import service into an embedded PostgreSQL), replicates every
// record k times (new person ids; populations × k, so rates stay realistic) to reach the volume asked
// for and, for the eight-year run, copies that year into each of the years asked for (fyear/year set,
// dates shifted by whole years: eight copies of one generated year, not eight generated years), then
// measures, in one run:
//   1. one DSR indicator (emergency admissions, all areas and breakdowns) through the engine against the
//      same DSR with Dobson limits hand-written as one DuckDB query over the same Parquet (alternating
//      runs, medians; the values are compared on every run);
//   2. the whole catalogue for every area for one year (computeIndicators --force, into PostgreSQL);
//   3. the whole catalogue for every year of the warehouse (the eight-year run).
// Wall time and peak RSS (whole process, DuckDB included) for each.
// Usage: node --import tsx bench/indicators.ts [--people N] [--copies K] [--years 2003-2010] [--runs R]
//          [--warehouse DIR (kept and reused)] [--build-only] [--append docs/BENCHMARKS.md]
// National scale (≈ 20M APC episodes a year): --people 300000 --copies 180 --years 2003-2010
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runGenerator } from '../src/analytics/generator/index.ts';
import { openDuck, sqlLiteral, type Duck } from '../src/analytics/duckdb.ts';
import { importFile } from '../src/analytics/import/service.ts';
import { datasetDir, datasetGlob, type DatasetName } from '../src/analytics/warehouse/schema.ts';
import { startTestDatabase } from '../src/platform/testing/test-database.ts';
import type { Db } from '../src/platform/db.ts';
import { loadReferenceOrganisations } from '../src/orgs/index.ts';
import { ESP2013 } from '../src/stats/esp2013.ts';
import { loadCatalogue } from '../src/analytics/indicators/catalogue.ts';
import { computeIndicator, openSession } from '../src/analytics/indicators/engine.ts';
import { prepareWarehouse, type AreaTree } from '../src/analytics/indicators/warehouse-views.ts';
import { loadAreaTree } from '../src/analytics/indicators/repo.ts';
import { computeIndicators, type ComputeSummary } from '../src/analytics/indicators/service.ts';

const args = process.argv.slice(2);
const text = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const opt = (name: string, dflt: number) => (text(name) !== undefined ? Number(text(name)) : dflt);
const copies = opt('--copies', 20);
const people = opt('--people', 300_000);
const runs = opt('--runs', 5);
const [firstYear, lastYear] = (text('--years') ?? '2003-2010').split('-').map(Number);
if (!(firstYear <= 2008 && lastYear >= 2008 && lastYear - firstYear < 20)) throw new Error('--years must be a range such as 2003-2010 that includes 2008');
const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
const appendTo = text('--append');
const keep = text('--warehouse');
const root = mkdtempSync(join(tmpdir(), 'wcc-bench-indicators-'));
const shared = process.env.WCC_SHARED_DATA ?? join(import.meta.dirname, '../../shared/data');

let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

/** The same emergency-admission DSR as the engine's, written by hand as one query over the Parquet. */
function handWrittenDsr(dataDir: string): string {
  const glob = (ds: DatasetName) => sqlLiteral(datasetGlob(dataDir, ds));
  const esp = ESP2013.map((w, i) => `(${i * 5}, ${w})`).join(', ');
  const z95 = 1.959963984540054;
  const z998 = 3.090232306167813;
  const lim = (z: number, sign: 1 | -1) => sign < 0
    ? `value + sqrt(v / (wt * wt) / o) * (o * pow(1 - 1 / (9 * o) - ${z} / (3 * sqrt(o)), 3) - o) * 100000`
    : `value + sqrt(v / (wt * wt) / o) * ((o + 1) * pow(1 - 1 / (9 * (o + 1)) + ${z} / (3 * sqrt(o + 1)), 3) - o) * 100000`;
  return `
    WITH imd AS (SELECT lsoa01, arg_max(pct_code, imd_year) AS pct_code, arg_max(coalesce(score, -rank), imd_year) AS score
                 FROM read_parquet(${glob('imd')}) WHERE pct_code IS NOT NULL GROUP BY lsoa01),
    areas AS (SELECT pct AS base, pct AS area FROM pct_sha UNION ALL SELECT pct, sha FROM pct_sha UNION ALL SELECT pct, 'ENG' FROM pct_sha),
    grp AS (SELECT a.area, i.lsoa01, ntile(5) OVER (PARTITION BY a.area ORDER BY i.score DESC, i.lsoa01) AS q FROM imd i JOIN areas a ON a.base = i.pct_code),
    ev AS (SELECT coalesce(residence_pct, pct_code) AS base, coalesce(lsoa01, '') AS lsoa01, coalesce(sex, 'U') AS sex,
             least(floor(age / 5) * 5, 90)::INTEGER AS band, count(*)::DOUBLE AS x
           FROM read_parquet(${glob('apc')}) WHERE fyear = '2008-09' AND admission_class = 'emergency' AND epiorder = 1 AND age IS NOT NULL GROUP BY ALL),
    pop AS (SELECT i.pct_code AS base, p.area_code AS lsoa01, p.sex, least(floor(p.age_lower / 5) * 5, 90)::INTEGER AS band, sum(p.population) AS n
            FROM read_parquet(${glob('population')}) p JOIN imd i ON i.lsoa01 = p.area_code
            WHERE p.year = 2008 AND p.area_type = 'lsoa01' AND p.sex IN ('M', 'F') AND p.age_band <> 'all' GROUP BY ALL),
    cells AS (SELECT base, lsoa01, sex, band, coalesce(sum(x), 0) AS x, coalesce(sum(n), 0) AS n
              FROM (SELECT base, lsoa01, sex, band, x, NULL::DOUBLE AS n FROM ev UNION ALL SELECT base, lsoa01, sex, band, NULL, n FROM pop) GROUP BY ALL),
    byband AS (
      SELECT a.area, CASE WHEN grouping(c.sex) = 0 THEN CASE c.sex WHEN 'M' THEN 'male' ELSE 'female' END
                          WHEN grouping(g.q) = 0 THEN 'imd_quintile_' || g.q ELSE 'persons' END AS breakdown,
        c.band, sum(c.x) AS x, sum(c.n) AS n
      FROM cells c JOIN areas a ON a.base = c.base LEFT JOIN grp g ON g.area = a.area AND g.lsoa01 = c.lsoa01
      GROUP BY GROUPING SETS ((a.area, c.band), (a.area, c.sex, c.band), (a.area, g.q, c.band))
      HAVING NOT (grouping(c.sex) = 0 AND c.sex NOT IN ('M', 'F')) AND NOT (grouping(g.q) = 0 AND g.q IS NULL)),
    esp(band, w) AS (VALUES ${esp}),
    sums AS (SELECT area, breakdown, sum(x) AS o, sum(x * w / n) AS ws, sum(x * (w / n) * (w / n)) AS v, sum(w) AS wt
             FROM byband JOIN esp USING (band) WHERE n > 0 GROUP BY ALL),
    dsr AS (SELECT *, ws / wt * 100000 AS value FROM sums)
    SELECT area, breakdown, o, CASE WHEN o >= 10 THEN value END AS value,
      CASE WHEN o >= 10 THEN ${lim(z95, -1)} END AS lower95, CASE WHEN o >= 10 THEN ${lim(z95, 1)} END AS upper95,
      CASE WHEN o >= 10 THEN ${lim(z998, -1)} END AS lower998, CASE WHEN o >= 10 THEN ${lim(z998, 1)} END AS upper998
    FROM dsr`;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

const fyearOf = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
// Dates moved with the year, so readmissions (which read two consecutive years) stay within a year.
const DATES: Partial<Record<DatasetName, string[]>> = {
  apc: ['admission_date', 'discharge_date', 'episode_start', 'episode_end'], op: ['appointment_date'], ae: ['arrival_date'], deaths: ['date_of_death'],
};

/** Every row of the generated 2008 k times (record-level: new person ids), once per year asked for. */
async function replicate(duck: Duck, from: string, to: string, ds: DatasetName, k: number): Promise<number> {
  const src = readdirSync(datasetDir(from, ds)).filter((f) => f.endsWith('.parquet'));
  mkdirSync(datasetDir(to, ds), { recursive: true });
  let rows = 0;
  for (const f of src) {
    const input = sqlLiteral(join(datasetDir(from, ds), f));
    for (const y of ds === 'imd' ? [2008] : years) {
      const out = sqlLiteral(join(datasetDir(to, ds), `${y}-${f}`));
      const shift = (DATES[ds] ?? []).map((c) => `(${c} + to_years(${y - 2008}))::DATE AS ${c}`);
      const period = ['apc', 'op', 'ae'].includes(ds) ? [`'${fyearOf(y)}' AS fyear`] : ds === 'deaths' ? [`${y} AS year`, `'${fyearOf(y)}' AS fyear`] : [`${y} AS year`];
      const select = ds === 'population' ? `SELECT * REPLACE (population * ${k} AS population, ${y} AS year) FROM read_parquet(${input})`
        : ds === 'births' ? `SELECT * REPLACE (births * ${k} AS births, ${y} AS year) FROM read_parquet(${input})`
        : ds === 'imd' ? `SELECT * FROM read_parquet(${input})`
        : `SELECT * REPLACE (person_id || '-' || r AS person_id, ${[...period, ...shift].join(', ')}) FROM read_parquet(${input}), range(${k}) t(r)`;
      await duck.run(`COPY (${select}) TO ${out} (FORMAT parquet, COMPRESSION zstd)`);
      if (y === 2008) rows += (await duck.all<{ n: number }>(`SELECT count(*) AS n FROM read_parquet(${out})`))[0].n;
    }
  }
  return rows;
}

/** Generates 2008 for `people`, imports it through the import service, replicates it (once; kept in --warehouse). */
async function buildWarehouse(db: Db, dataDir: string): Promise<Record<string, number>> {
  const marker = join(dataDir, 'bench.json');
  const spec = JSON.stringify({ people, copies, years });
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).spec === spec) return JSON.parse(readFileSync(marker, 'utf8')).sizes;
  rmSync(join(dataDir, 'warehouse'), { recursive: true, force: true });
  const gen = await runGenerator({ people, firstYear: 2008, lastYear: 2008, seed: 7, outDir: join(root, 'gen'), format: 'parquet' });
  const staging = join(root, 'staging');
  const kinds: [string, string][] = [['imd', join(shared, 'reference/imd2007_lsoa01_england.csv')]];
  for (const f of gen.files) {
    const name = f.file.split('/').pop()!;
    const kind = name.startsWith('hes_apc') ? 'hes-apc' : name.startsWith('hes_op') ? 'hes-op' : name.startsWith('hes_ae') ? 'hes-ae'
      : name.startsWith('deaths') ? 'deaths' : name.startsWith('population') ? 'ons-population' : name.startsWith('births') ? 'births' : null;
    if (kind) kinds.push([kind, f.file]);
  }
  for (const [kind, file] of kinds) {
    const r = await importFile({ db, dataDir: staging }, { kind: kind as never, file, actor: null, createdBy: 'bench' });
    if (r.status !== 'imported') throw new Error(`${kind}: ${r.message}`);
  }
  const prep = await openDuck({ tempDirectory: join(root, 'spill'), memoryLimit: '2GB' });
  const sizes: Record<string, number> = {};
  try {
    for (const ds of DATASETS) sizes[ds] = await replicate(prep, staging, dataDir, ds, copies);
  } finally { prep.close(); }
  writeFileSync(marker, JSON.stringify({ spec, sizes }));
  return sizes;
}

const DATASETS: DatasetName[] = ['apc', 'op', 'ae', 'deaths', 'births', 'population', 'imd'];

/** Runs fn and reports its wall time and the peak RSS of the process while it ran. */
async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; rss: number; result: T }> {
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, rss: Math.max(peakRss, process.memoryUsage().rss), result };
}

const database = await startTestDatabase();
try {
  const db = database.db;
  await loadReferenceOrganisations(db, shared);
  // The reference tree starts with the 152 PCTs of October 2006 (the generator's codes): the earlier
  // copies of 2008 are computed on that tree too, in this throwaway database only.
  if (firstYear < 2006) {
    await db.query(`UPDATE organisation_hierarchy SET valid_from = $1 WHERE valid_from > $1 AND valid_from <= '2006-10-01'`, [`${firstYear}-01-01`]);
  }
  // 1. The warehouse: generated, imported, replicated to the volume and years asked for.
  const t0 = performance.now();
  const dataDir = keep ?? join(root, 'data');
  const sizes = await buildWarehouse(db, dataDir);
  const bytes = DATASETS.flatMap((ds) => readdirSync(datasetDir(dataDir, ds)).map((f) => statSync(join(datasetDir(dataDir, ds), f)).size)).reduce((a, b) => a + b, 0);
  const setupSeconds = (performance.now() - t0) / 1000;
  console.log(`warehouse: per year ${JSON.stringify(sizes)} rows; ${years.length} year(s) ${years[0]}…${years.at(-1)} (copies of 2008); ${mb(bytes)} Parquet; ready in ${setupSeconds.toFixed(0)} s`);

  if (args.includes('--build-only')) console.log('--build-only: the warehouse is built; nothing measured');
  else {
    // 3. One DSR: engine vs hand-written SQL, alternating, fresh DuckDB each run.
    const catalogue = loadCatalogue();
    const def = catalogue.find((d) => d.id === 'admissions-emergency')!;
    const tree: AreaTree = await loadAreaTree(db, '2008-10-01');
    const engineMs: number[] = [];
    const handMs: number[] = [];
    let maxRel = 0;
    let compared = 0;
    for (let i = 0; i < runs + 1; i++) {
      const e = await timed(async () => {
        const duck = await openDuck({ threads: 2, memoryLimit: '3GB', tempDirectory: join(root, 'spill') });
        try {
          await prepareWarehouse(duck, dataDir, tree);
          return await computeIndicator(openSession(duck), def, '2008-09', catalogue);
        } finally { duck.close(); }
      });
      const h = await timed(async () => {
        const duck = await openDuck({ threads: 2, memoryLimit: '3GB', tempDirectory: join(root, 'spill') });
        try {
          await duck.run('CREATE TABLE pct_sha (pct VARCHAR, sha VARCHAR)');
          for (const p of tree.pcts) await duck.run('INSERT INTO pct_sha VALUES ($1, $2)', [p.code, p.shaCode]);
          return await duck.all<{ area: string; breakdown: string; value: number | null; lower95: number | null; upper998: number | null }>(handWrittenDsr(dataDir));
        } finally { duck.close(); }
      });
      if (i > 0) { engineMs.push(e.ms); handMs.push(h.ms); } // the first pair warms the file cache
      const hand = new Map(h.result.map((r) => [`${r.area}|${r.breakdown}`, r]));
      compared = 0;
      for (const v of e.result) {
        const r = hand.get(`${v.areaCode}|${v.breakdown}`);
        if (!r && v.value !== null) throw new Error(`hand-written query has no row for ${v.areaCode} ${v.breakdown}`);
        for (const [a, b] of [[v.value, r?.value ?? null], [v.limits[0], r?.lower95 ?? null], [v.limits[3], r?.upper998 ?? null]] as const) {
          if ((a === null) !== (b === null)) throw new Error(`${v.areaCode} ${v.breakdown}: ${a} vs ${b}`);
          if (a !== null && b !== null) maxRel = Math.max(maxRel, Math.abs(a - b) / Math.abs(b));
        }
        compared++;
      }
      console.log(`run ${i}: engine ${e.ms.toFixed(0)} ms, hand-written ${h.ms.toFixed(0)} ms`);
    }
    const ratio = median(engineMs) / median(handMs);
    if (!(maxRel < 1e-9)) throw new Error(`engine and hand-written DSR disagree by a relative ${maxRel}`);

    // 4. The whole catalogue for every area, one year, into PostgreSQL.
    const loadStart = loadavg();
    const one = await measured(() => computeIndicators({ db, dataDir }, { year: 2008, force: true }));
    const oneValues = one.result.computed.reduce((t, c) => t + c.values, 0);
    const scanLine = (sc: ComputeSummary['scans']) => sc.map((x) => `${x.label.split(' [')[0]} ${x.period} ${(x.ms / 1000).toFixed(1)} s (${x.indicators.length})`).join('; ');
    console.log(`catalogue, one year (2008 / 2008-09): ${one.result.computed.length} indicator-periods, ${oneValues} values, ${(one.ms / 1000).toFixed(1)} s, peak RSS ${mb(one.rss)}`);
    console.log(`  scans: ${scanLine(one.result.scans)}`);
    for (const c of [...one.result.computed].sort((a, b) => b.ms - a.ms).slice(0, 6)) console.log(`  ${c.indicatorId} ${c.period} ${c.ms.toFixed(0)} ms`);
    console.log(`DSR: engine ${median(engineMs).toFixed(0)} ms vs hand-written ${median(handMs).toFixed(0)} ms (ratio ${ratio.toFixed(2)}), ${compared} values agree to ${maxRel.toExponential(1)}`);

    // 5. Every year of the warehouse (eight copies of 2008 by default), every indicator, into PostgreSQL.
    const all = years.length > 1 ? await measured(() => computeIndicators({ db, dataDir }, { force: true })) : null;
    if (all) {
      const allValues = all.result.computed.reduce((t, c) => t + c.values, 0);
      console.log(`catalogue, ${years.length} years (${years[0]}…${years.at(-1)}, each a copy of the generated 2008${firstYear < 2006 ? ', the 2006 PCT tree applied before 2006' : ''}): ${all.result.computed.length} indicator-periods, ${allValues} values, ${(all.ms / 1000).toFixed(1)} s, peak RSS ${mb(all.rss)}`);
      const byDataset = new Map<string, number>();
      for (const x of all.result.scans) byDataset.set(x.label.split(' ')[0], (byDataset.get(x.label.split(' ')[0]) ?? 0) + x.ms);
      console.log(`  scan time by dataset: ${[...byDataset].map(([d, ms]) => `${d} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    }

    if (appendTo) {
      const slowest = [...one.result.scans].sort((a, b) => b.ms - a.ms).slice(0, 3).map((c) => `${c.label.split(' [')[0]} ${(c.ms / 1000).toFixed(1)} s`).join(', ');
      appendFileSync(appendTo, `
## Indicator engine

Run: \`node --import tsx bench/indicators.ts --people ${people} --copies ${copies} --years ${years[0]}-${years.at(-1)} --runs ${runs} --append docs/BENCHMARKS.md\`
(${new Date().toISOString().slice(0, 10)}). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${mb(totalmem())} RAM, Node ${process.version};
load average ${loadStart.map((l) => l.toFixed(2)).join(', ')} before the catalogue runs.

- Data: synthetic England (generator, ${people.toLocaleString('en-GB')} people, 2008) imported through the import service,
  each record replicated ${copies}× (new person ids; populations and births × ${copies}) — per year: APC ${sizes.apc.toLocaleString('en-GB')} episodes,
  OP ${sizes.op.toLocaleString('en-GB')}, A&E ${sizes.ae.toLocaleString('en-GB')}, deaths ${sizes.deaths.toLocaleString('en-GB')},
  population ${sizes.population.toLocaleString('en-GB')} rows (LSOA × sex × band); ${years.length} year(s) ${years[0]}…${years.at(-1)}, each a copy of
  the generated 2008 with its year and dates moved (not ${years.length} generated years); ${mb(bytes)} of Parquet.
- **One DSR** (emergency admissions, ${compared} values: every PCT, SHA and England × persons, sex and local IMD quintile, 95% and
  99.8% Dobson limits), medians of ${runs} alternating runs after one warm-up pair, each with a fresh DuckDB (2 threads, 3 GB):
  engine (views, area tree, generated query, src/stats, benchmarks) **${median(engineMs).toFixed(0)} ms** against the same DSR
  hand-written as one DuckDB query **${median(handMs).toFixed(0)} ms** — ratio **${ratio.toFixed(2)}×** (goal ≤ 1.5×);
  values agree to a relative ${maxRel.toExponential(1)}. Runs: engine ${engineMs.map((m) => m.toFixed(0)).join(', ')} ms;
  hand ${handMs.map((m) => m.toFixed(0)).join(', ')} ms.
- **Whole catalogue, one year** (2008 and 2008-09), all areas: ${one.result.computed.length} indicator-periods, ${oneValues.toLocaleString('en-GB')} values
  written to PostgreSQL (one transaction each): **${(one.ms / 1000).toFixed(1)} s** wall (goal ≤ 60 s), peak RSS **${mb(one.rss)}**
  (whole process, DuckDB included); ${one.result.scans.length} shared scans, slowest: ${slowest}.
${all ? `- **Whole catalogue, ${years.length} years**: ${all.result.computed.length} indicator-periods: **${(all.ms / 1000).toFixed(1)} s** wall (goal ≤ 300 s), peak RSS **${mb(all.rss)}**.\n` : ''}`);
    }
  }
} finally {
  clearInterval(sampler);
  await database.stop();
  rmSync(root, { recursive: true, force: true });
}
