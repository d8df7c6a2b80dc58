// The whole DuckDB pipeline on a synthetic England (20,000 people, 2006–2009), imported with the
// importers' own code: linkage, temporal validation against the baseline, the generator's ground
// truth, segments, cost concentration and opportunity sizing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openLinkage, type Linkage } from './linkage.ts';
import { trainModel, type TrainedModel } from './train.ts';
import { buildViews, scorePopulation } from './score.ts';
import { loadSegmentation } from './segments.ts';
import { syntheticWarehouse, type SyntheticWarehouse } from './testing/synthetic-warehouse.ts';
import { sqlLiteral } from '../analytics/duckdb.ts';

let w: SyntheticWarehouse;
let link: Linkage;
let model: TrainedModel;

before(async () => {
  w = await syntheticWarehouse(20_000, [2006, 2009], 7);
  link = await openLinkage({ dataDir: w.dataDir, memoryLimit: '1GB' });
  model = await trainModel(link);
});
after(() => link?.close());

test('links spells, appointments and attendances to people with tariff costs', async () => {
  const [r] = await link.duck.all<{ people: number; spells: number; uncosted: number; check: number }>(`
    SELECT count(DISTINCT person_id) AS people, count(*) FILTER (setting = 'apc') AS spells,
           count(*) FILTER (setting = 'apc' AND e.cost = 0) AS uncosted,
           max(abs(e.cost - (t.cost + greatest(0, e.bed_days - t.trim_days) * t.excess_bed_day))) FILTER (setting = 'apc' AND e.kind = 'emergency') AS "check"
      FROM events e LEFT JOIN tariff t ON t.hrg = (SELECT any_value(hrg) FROM apc a WHERE a.person_id = e.person_id AND a.admission_date = e.event_date AND a.admission_class = 'emergency')`);
  assert.ok(r!.people > 10_000, `people ${r!.people}`);
  assert.ok(r!.spells > 1000);
  assert.equal(r!.uncosted, 0);
  assert.ok(r!.check < 1e-6, `emergency spell cost differs from the tariff by ${r!.check}`);
});

test('the model beats the prior-year emergency baseline on the held-out year', () => {
  const p = model.performance;
  assert.equal(model.testYear, '2009-10');
  assert.equal(model.trainYear, '2008-09');
  assert.ok(model.converged);
  assert.ok(p.model.auroc.value > p.baseline.auroc.value + 0.05, `model ${p.model.auroc.value} vs baseline ${p.baseline.auroc.value}`);
  assert.ok(p.model.auroc.lower95 > p.baseline.auroc.value);
  const top1 = p.model.top.find((t) => t.topPercent === 1)!;
  assert.ok(top1.ppv > 3 * p.prevalence, `PPV at 1% ${top1.ppv} vs prevalence ${p.prevalence}`);
  // calibrated on a new year: total predicted within 20% of observed, top decile observed rate highest
  assert.ok(Math.abs(p.model.expected / p.model.observed - 1) < 0.2);
  assert.equal(p.calibration.length, 10);
  assert.ok(p.calibration[9]!.observedRate > 3 * p.calibration[0]!.observedRate);
  assert.ok(p.fairness.some((g) => g.dimension === 'imd_quintile' && g.auroc !== null));
});

test('scores find the people the generator made truly high-risk, and views add up', async () => {
  const seg = loadSegmentation();
  const { people, scoreYear } = await scorePopulation(link, model, { segmentation: seg });
  assert.equal(scoreYear, '2010-11');
  assert.ok(people > 10_000);
  const truth = sqlLiteral(join(w.sourceDir, 'ground_truth_people.csv'));
  const [g] = await link.duck.all<{ top: number; all: number; tiers: number; segs: number }>(`
    WITH t AS (SELECT person_id, TRY_CAST(p_emergency_2009 AS DOUBLE) AS p FROM read_csv(${truth}, all_varchar = true))
    SELECT avg(t.p) FILTER (s.tier IN ('very_high', 'high')) AS top, avg(t.p) AS "all",
           count(DISTINCT s.tier) AS tiers, count(DISTINCT s.segment) AS segs
      FROM scores s JOIN t USING (person_id)`);
  assert.ok(g!.top > 2.5 * g!.all, `true risk in top 5% ${g!.top} vs everyone ${g!.all}`);
  assert.equal(g!.tiers, 4);
  assert.ok(g!.segs >= 5);
  await buildViews(link, 2010);
  const shares = await link.duck.all<{ top_percent: number; cost_share: number }>(`SELECT top_percent, cost_share FROM view_concentration WHERE area = 'ENG' AND top_percent IN (1, 5, 20, 100) ORDER BY top_percent`);
  assert.deepEqual(shares.map((s) => s.top_percent), [1, 5, 20, 100]);
  assert.ok(shares[0]!.cost_share > 0.05 && shares[0]!.cost_share < shares[1]!.cost_share && shares[1]!.cost_share < shares[2]!.cost_share);
  assert.ok(Math.abs(shares[3]!.cost_share - 1) < 1e-9);
  const [pyr] = await link.duck.all<{ people: number; scored: number; noContact: number }>(`SELECT (SELECT sum(people) FROM view_pyramid WHERE area = 'ENG') AS people,
    (SELECT count(*) FROM scores) AS scored, (SELECT sum(people) FROM no_contact_tiers) AS "noContact"`);
  assert.ok(pyr!.noContact > 0);
  assert.equal(pyr!.people, pyr!.scored + pyr!.noContact);
  const [opp] = await link.duck.all<{ n: number; neg: number; pcts: number }>(`SELECT count(*) AS n, count(*) FILTER (gap < 0 OR gap_pounds < 0) AS neg, count(DISTINCT area) AS pcts FROM view_opportunity WHERE programme = 'All programmes' AND measure = 'emergency_admissions'`);
  assert.ok(opp!.pcts > 140, `${opp!.pcts} PCTs`);
  assert.equal(opp!.neg, 0);
});

test('at national scale the evaluation uses a repeatable random sample of the test year', async () => {
  const a = await trainModel(link, { maxTestRows: 3000 });
  const b = await trainModel(link, { maxTestRows: 3000 });
  assert.ok(Math.abs(a.testRowsUsed - 3000) < 300, `${a.testRowsUsed} rows`);
  assert.equal(a.performance.people, a.testRowsUsed);
  assert.equal(b.testRowsUsed, a.testRowsUsed);
  assert.ok(a.testPeople > 10_000);
  assert.equal(model.testRowsUsed, model.testPeople);
  assert.equal(a.performance.model.auroc.value, b.performance.model.auroc.value);
  assert.ok(Math.abs(a.performance.model.auroc.value - model.performance.model.auroc.value) < 0.05);
});
