// Benchmark of the indicator engine. Builds a warehouse the way production does (synthetic England from
// the generator, imported through the import service into an embedded PostgreSQL), replicates every
// record k times (new person ids; populations × k, so rates stay realistic) to reach the volume asked
// for, then measures, in one run:
//   1. one DSR indicator (emergency admissions, all areas and breakdowns) through the engine against the
//      same DSR with Dobson limits hand-written as one DuckDB query over the same Parquet (alternating
//      runs, medians; the values are compared on every run);
//   2. the whole catalogue for every area for one year (computeIndicators --force, into PostgreSQL).
// Usage: node --import tsx bench/indicators.ts [--copies K] [--people N] [--runs R] [--append docs/BENCHMARKS.md]
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runGenerator } from '../src/analytics/generator/index.ts';
import { openDuck, sqlLiteral, type Duck } from '../src/analytics/duckdb.ts';
import { importFile } from '../src/analytics/import/service.ts';
import { datasetDir, datasetGlob, type DatasetName } from '../src/analytics/warehouse/schema.ts';
import { startTestDatabase } from '../src/platform/testing/test-database.ts';
import { loadReferenceOrganisations } from '../src/orgs/index.ts';
import { ESP2013 } from '../src/stats/esp2013.ts';
import { loadCatalogue } from '../src/analytics/indicators/catalogue.ts';
import { computeIndicator, openSession } from '../src/analytics/indicators/engine.ts';
import { prepareWarehouse, type AreaTree } from '../src/analytics/indicators/warehouse-views.ts';
import { loadAreaTree } from '../src/analytics/indicators/repo.ts';
import { computeIndicators } from '../src/analytics/indicators/service.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const copies = opt('--copies', 20);
const people = opt('--people', 300_000);
const runs = opt('--runs', 5);
const appendTo = args.includes('--append') ? args[args.indexOf('--append') + 1] : undefined;
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

async function replicate(duck: Duck, from: string, to: string, ds: DatasetName, k: number): Promise<number> {
  const src = readdirSync(datasetDir(from, ds)).filter((f) => f.endsWith('.parquet'));
  mkdirSync(datasetDir(to, ds), { recursive: true });
  let rows = 0;
  for (const f of src) {
    const input = sqlLiteral(join(datasetDir(from, ds), f));
    const out = sqlLiteral(join(datasetDir(to, ds), f));
    const select = ds === 'population' ? `SELECT * REPLACE (population * ${k} AS population) FROM read_parquet(${input})`
      : ds === 'births' ? `SELECT * REPLACE (births * ${k} AS births) FROM read_parquet(${input})`
      : ds === 'imd' ? `SELECT * FROM read_parquet(${input})`
      : `SELECT * REPLACE (person_id || '-' || r AS person_id) FROM read_parquet(${input}), range(${k}) t(r)`;
    await duck.run(`COPY (${select}) TO ${out} (FORMAT parquet, COMPRESSION zstd)`);
    rows += (await duck.all<{ n: number }>(`SELECT count(*) AS n FROM read_parquet(${out})`))[0].n;
  }
  return rows;
}

const database = await startTestDatabase();
try {
  const db = database.db;
  await loadReferenceOrganisations(db, shared);
  // 1. A synthetic year, imported through the import service.
  const t0 = performance.now();
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
  // 2. Replicate to the volume asked for.
  const dataDir = join(root, 'data');
  const prep = await openDuck({ tempDirectory: join(root, 'spill'), memoryLimit: '2GB' });
  const sizes: Record<string, number> = {};
  for (const ds of ['apc', 'op', 'ae', 'deaths', 'births', 'population', 'imd'] as DatasetName[]) sizes[ds] = await replicate(prep, staging, dataDir, ds, copies);
  prep.close();
  const bytes = (['apc', 'op', 'ae', 'deaths', 'births', 'population', 'imd'] as DatasetName[])
    .flatMap((ds) => readdirSync(datasetDir(dataDir, ds)).map((f) => statSync(join(datasetDir(dataDir, ds), f)).size)).reduce((a, b) => a + b, 0);
  const setupSeconds = (performance.now() - t0) / 1000;
  console.log(`warehouse: ${JSON.stringify(sizes)} rows, ${mb(bytes)} Parquet, built in ${setupSeconds.toFixed(0)} s`);

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
  peakRss = process.memoryUsage().rss;
  const loadStart = loadavg();
  const all = await computeIndicators({ db, dataDir }, { year: 2008, force: true });
  const catalogueRss = peakRss;
  const valueRows = all.computed.reduce((t, c) => t + c.values, 0);
  console.log(`catalogue: ${all.computed.length} indicator-periods, ${valueRows} values, ${(all.totalMs / 1000).toFixed(1)} s, peak RSS ${mb(catalogueRss)}`);
  for (const c of [...all.computed].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${c.indicatorId} ${c.period} ${c.ms.toFixed(0)} ms`);
  console.log(`DSR: engine ${median(engineMs).toFixed(0)} ms vs hand-written ${median(handMs).toFixed(0)} ms (ratio ${ratio.toFixed(2)}), ${compared} values agree to ${maxRel.toExponential(1)}`);

  if (appendTo) {
    const slowest = [...all.computed].sort((a, b) => b.ms - a.ms).slice(0, 3).map((c) => `${c.indicatorId} ${(c.ms / 1000).toFixed(1)} s`).join(', ');
    appendFileSync(appendTo, `
## Indicator engine

Run: \`node --import tsx bench/indicators.ts --copies ${copies} --people ${people} --runs ${runs} --append docs/BENCHMARKS.md\`
(${new Date().toISOString().slice(0, 10)}). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${mb(totalmem())} RAM, Node ${process.version},
shared with other engineers; load average ${loadStart.map((l) => l.toFixed(2)).join(', ')} before the catalogue run.

- Data: synthetic England (generator, ${people.toLocaleString('en-GB')} people, 2008) imported through the import service,
  each record replicated ${copies}× (new person ids; populations and births × ${copies}): APC ${sizes.apc.toLocaleString('en-GB')} episodes,
  OP ${sizes.op.toLocaleString('en-GB')}, A&E ${sizes.ae.toLocaleString('en-GB')}, deaths ${sizes.deaths.toLocaleString('en-GB')},
  population ${sizes.population.toLocaleString('en-GB')} rows (LSOA × sex × band), ${mb(bytes)} of Parquet.
- **One DSR** (emergency admissions, ${compared} values: every PCT, SHA and England × persons, sex and local IMD quintile, 95% and
  99.8% Dobson limits), medians of ${runs} alternating runs after one warm-up pair, each with a fresh DuckDB (2 threads, 3 GB):
  engine (views, area tree, generated query, src/stats, benchmarks) **${median(engineMs).toFixed(0)} ms** against the same DSR
  hand-written as one DuckDB query **${median(handMs).toFixed(0)} ms** — ratio **${ratio.toFixed(2)}×** (goal ≤ 1.5×);
  values agree to a relative ${maxRel.toExponential(1)}. Runs: engine ${engineMs.map((m) => m.toFixed(0)).join(', ')} ms;
  hand ${handMs.map((m) => m.toFixed(0)).join(', ')} ms.
- **Whole catalogue**, one year, all areas: ${all.computed.length} indicator-periods, ${valueRows.toLocaleString('en-GB')} values written to
  PostgreSQL in one transaction each: **${(all.totalMs / 1000).toFixed(1)} s** wall, peak RSS **${mb(catalogueRss)}**
  (whole process, DuckDB included). Slowest: ${slowest}.
`);
  }
} finally {
  clearInterval(sampler);
  await database.stop();
  rmSync(root, { recursive: true, force: true });
}
