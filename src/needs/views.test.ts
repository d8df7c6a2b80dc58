// The national-scale views and the no-contact population on a synthetic England (20,000 people,
// 2006–2009): bucketed cost concentration within its stated tolerance of the exact sort, the
// high-cost group exactly as the exact sort, the whole population in every pyramid, the no-contact
// strata scored by the model (and calibrated on a year the model never saw), and statistical peers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLinkage, type Linkage } from './linkage.ts';
import { trainModel, type TrainedModel } from './train.ts';
import { buildViews, scorePopulation, writeScoresParquet } from './score.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlLiteral } from '../analytics/duckdb.ts';
import { loadSegmentation } from './segments.ts';
import { syntheticWarehouse } from './testing/synthetic-warehouse.ts';
import { findPeers } from '../stats/peers.ts';
import { PEER_VARIABLES } from './peers.ts';

let link: Linkage;
let model: TrainedModel;
const seg = loadSegmentation();

before(async () => {
  const w = await syntheticWarehouse(20_000, [2006, 2009], 7);
  link = await openLinkage({ dataDir: w.dataDir, memoryLimit: '1GB' });
  model = await trainModel(link);
});
after(() => link?.close());

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

test('people with no contact are scored as the "no prior activity" stratum, calibrated on the held-out year', async () => {
  // Score the test year (2009-10), whose outcomes the model never saw, and compare the no-contact
  // strata's expected emergency admissions with the people outside the cohort who had one.
  const r = await scorePopulation(link, model, { segmentation: seg, scoreFy: 2009 });
  assert.ok(r.noContactPeople > 1000, `${r.noContactPeople} with no contact`);
  const [c] = await link.duck.all<{ expected: number; observed: number }>(`
    SELECT (SELECT sum(p * people) FROM no_contact_tiers) AS expected,
           (SELECT count(DISTINCT person_id) FROM events WHERE setting = 'apc' AND kind = 'emergency' AND event_date >= '2009-04-01'
               AND event_date < '2010-04-01' AND person_id NOT IN (SELECT person_id FROM scores)) AS observed`);
  assert.ok(c!.observed > 50);
  assert.ok(Math.abs(c!.expected / c!.observed - 1) < 0.25, `expected ${c!.expected} vs observed ${c!.observed}`);
  // Each stratum's risk is the model with every activity feature at zero, averaged over the band's ages.
  const coef = new Map(model.features.map((f) => [f.name, f.coefficient]));
  const strata = await link.duck.all<{ sex: string; age_lower: number; imd_quintile: number | null; p: number; segment: string }>(
    'SELECT DISTINCT sex, age_lower, imd_quintile, p, segment FROM no_contact_tiers');
  for (const s of strata) {
    let sum = 0;
    for (let age = s.age_lower; age < s.age_lower + 5; age++) {
      const band = age < 18 ? 'age_0_17' : age >= 85 ? 'age_85_plus' : age >= 75 ? 'age_75_84' : age >= 65 ? 'age_65_74' : age >= 45 ? 'age_45_64' : null;
      sum += sigmoid(model.intercept + (band ? coef.get(band)! : 0) + (s.sex === 'F' ? coef.get('female')! : 0)
        + (s.imd_quintile === null ? coef.get('imd_unknown')! : s.imd_quintile < 5 ? coef.get(`imd_q${s.imd_quintile}`)! : 0));
    }
    assert.ok(Math.abs(s.p - sum / 5) < 1e-9, `stratum ${JSON.stringify(s)}: ${sum / 5}`);
    assert.equal(s.segment, 'healthy');
  }
});

test('the views count the whole population: pyramids add up to it, no-contact people cost £0 and are never more than the estimates', async () => {
  await scorePopulation(link, model, { segmentation: seg });
  await buildViews(link, 2010);
  const [t] = await link.duck.all<{ known: number; no_contact: number; population: number; pyramid: number; scored: number; ons: number; over: number }>(`
    SELECT known, no_contact, population, (SELECT sum(people) FROM view_pyramid WHERE area = 'ENG') AS pyramid, (SELECT count(*) FROM scores) AS scored,
           (SELECT sum(people) FROM stratum_population) AS ons,
           (SELECT count(*) FROM no_contact_tiers n JOIN stratum_population s USING (pct_code, sex, age_lower)
              WHERE n.imd_quintile IS NOT DISTINCT FROM s.imd_quintile AND n.people > round(s.people)) AS over
      FROM area_totals WHERE area = 'ENG'`);
  assert.equal(t!.known, t!.scored);
  assert.equal(t!.population, t!.known + t!.no_contact);
  assert.equal(t!.pyramid, t!.population);
  assert.ok(t!.population >= Math.round(t!.ons) && t!.no_contact >= Math.round(t!.ons) - t!.known, JSON.stringify(t));
  assert.equal(t!.over, 0);
  const bad = await link.duck.all(`SELECT p.area FROM view_pyramid p JOIN area_totals a USING (area) GROUP BY p.area, a.population HAVING sum(p.people) <> a.population`);
  assert.deepEqual(bad, []);
  const dir = mkdtempSync(join(tmpdir(), 'wcc-risk-scores-'));
  try {
    await writeScoresParquet(link, join(dir, 'scores.parquet'));
    const [f] = await link.duck.all<{ people: number; strata: number }>(`SELECT (SELECT count(*) FROM read_parquet(${sqlLiteral(join(dir, 'scores.parquet'))})) AS people,
      (SELECT sum(people) FROM read_parquet(${sqlLiteral(join(dir, 'scores-no-contact.parquet'))})) AS strata`);
    assert.equal(f!.people, t!.known);
    assert.equal(f!.strata, t!.no_contact);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [tiers] = await link.duck.all<{ vh: number; pop: number }>(`SELECT sum(people) FILTER (tier = 'very_high') AS vh, sum(people) AS pop FROM view_pyramid WHERE area = 'ENG'`);
  assert.equal(tiers!.vh, Math.ceil(tiers!.pop * 0.005 - 1e-6));
});

test('bucketed cost concentration is within 0.001 of the exact sort, and exact where a bucket holds equal costs', async () => {
  const rows = await link.duck.all<{ area: string; top_percent: number; got: number; want: number; equal_costs: boolean }>(`
    WITH r AS (
      SELECT area, cost_1y, sum(cost_1y) OVER (PARTITION BY area ORDER BY cost_1y DESC ROWS UNBOUNDED PRECEDING) AS cum,
             row_number() OVER (PARTITION BY area ORDER BY cost_1y DESC) AS rnk
        FROM (SELECT pct_code AS area, cost_1y FROM scores WHERE pct_code IS NOT NULL UNION ALL SELECT 'ENG', cost_1y FROM scores)
    ), pts AS (
      SELECT t.area, p.top_percent, least(t.known, ceil(t.population * p.top_percent / 100))::BIGINT AS k, t.cost, p.cost_share
        FROM area_totals t JOIN view_concentration p USING (area)
    )
    SELECT pts.area, pts.top_percent, pts.cost_share AS got, coalesce(r.cum, 0) / nullif(pts.cost, 0) AS want,
           coalesce(c.min_cost = c.max_cost, true) AS equal_costs
      FROM pts LEFT JOIN r ON r.area = pts.area AND r.rnk = pts.k
      LEFT JOIN cost_buckets c ON c.area = pts.area AND c.n_above < pts.k AND pts.k <= c.n_above + c.n`);
  assert.ok(rows.length > 140 * 14);
  const worst = Math.max(...rows.map((r) => (r.want === null ? (r.got === null ? 0 : 1) : Math.abs(r.got - r.want))));
  assert.ok(worst <= 1e-3, `largest error ${worst}`);
  const exact = rows.filter((r) => r.equal_costs);
  assert.ok(exact.length > rows.length / 2);
  for (const r of exact) assert.ok(Math.abs((r.got ?? 0) - (r.want ?? 0)) < 1e-9, `${r.area} ${r.top_percent}%: ${r.got} vs ${r.want}`);
  const eng = rows.filter((r) => r.area === 'ENG');
  assert.ok(Math.abs(eng.find((r) => r.top_percent === 100)!.got - 1) < 1e-12);
  assert.ok(eng.find((r) => r.top_percent === 1)!.got > 0.05);
});

test('the high-cost group is exactly the costliest 5% of the population (ties by pseudonym)', async () => {
  const rows = await link.duck.all<{ area: string; people: number; cost: number; mean_age: number; want_people: number; want_cost: number; want_age: number }>(`
    WITH r AS (
      SELECT area, cost_1y, age, row_number() OVER (PARTITION BY area ORDER BY cost_1y DESC, person_id) AS rnk
        FROM (SELECT pct_code AS area, * FROM scores WHERE pct_code IS NOT NULL AND cost_1y > 0 UNION ALL SELECT 'ENG', * FROM scores WHERE cost_1y > 0)
    ), want AS (
      SELECT r.area, count(*) AS people, sum(cost_1y) AS cost, avg(age) AS mean_age FROM r JOIN area_totals t USING (area)
       WHERE r.rnk <= ceil(t.population * 0.05) GROUP BY r.area
    )
    SELECT h.area, h.people, h.cost, h.mean_age, w.people AS want_people, w.cost AS want_cost, w.mean_age AS want_age
      FROM want w FULL JOIN view_high_cost h USING (area)`);
  assert.ok(rows.length > 140);
  for (const r of rows) {
    assert.equal(r.people, r.want_people, r.area);
    assert.ok(Math.abs(r.cost - r.want_cost) < 1e-6 * r.want_cost, r.area);
    assert.ok(Math.abs(r.mean_age - r.want_age) < 1e-9, r.area);
  }
});

test('opportunity benchmarks each PCT against its ten nearest statistical peers (src/stats peers)', async () => {
  const chars = await link.duck.all<Record<string, number | string>>(`SELECT pct_code, ${PEER_VARIABLES.join(', ')} FROM pct_characteristics`);
  assert.ok(chars.length > 140);
  const areas = chars.map((c) => ({ code: String(c.pct_code), values: Object.fromEntries(PEER_VARIABLES.map((v) => [v, Number(c[v])])) }));
  const want = findPeers(areas, '5C2', { variables: [...PEER_VARIABLES], k: 10 }).map((p) => p.code);
  const got = (await link.duck.all<{ peer_code: string }>(`SELECT peer_code FROM pct_peers WHERE pct_code = '5C2' ORDER BY rank`)).map((r) => r.peer_code);
  assert.deepEqual(got, want);
  assert.ok(!got.includes('5C2'));
  // The benchmark is the lower quartile (type 7) of the peers' ratios.
  const ratios = await link.duck.all<{ area: string; ratio: number; best: number; peers: number }>(`
    SELECT area, ratio, best_quartile_ratio AS best, peers FROM view_opportunity WHERE programme = 'All programmes' AND measure = 'emergency_admissions'`);
  const byArea = new Map(ratios.map((r) => [r.area, r]));
  const peerRatios = want.map((c) => byArea.get(c)!.ratio).sort((a, b) => a - b);
  const h = (peerRatios.length - 1) * 0.25;
  const q = peerRatios[Math.floor(h)]! + (h - Math.floor(h)) * (peerRatios[Math.ceil(h)]! - peerRatios[Math.floor(h)]!);
  assert.ok(Math.abs(byArea.get('5C2')!.best - q) < 1e-12, `${byArea.get('5C2')!.best} vs ${q}`);
  assert.equal(byArea.get('5C2')!.peers, 10);
  // Peers are alike: their mean distance in deprivation is smaller than a random PCT's.
  const imd = new Map(areas.map((a) => [a.code, a.values.imd_score!]));
  const own = imd.get('5C2')!;
  const peerGap = want.reduce((s, c) => s + Math.abs(imd.get(c)! - own), 0) / want.length;
  const allGap = areas.reduce((s, a) => s + Math.abs(a.values.imd_score! - own), 0) / areas.length;
  assert.ok(peerGap < allGap / 2, `peers ${peerGap} vs all ${allGap}`);
});
