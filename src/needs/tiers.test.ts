// The bucketed national tiers (tiers.sql) against the exact definition — every unit of the whole
// population ranked by risk with a full sort — on populations built to be hard: heavy ties on tier
// boundaries, strata larger than a tier, risks closer together than a bucket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDuck, type Duck } from '../analytics/duckdb.ts';
import { assignTiers, riskBucket } from './tiers.ts';
import type { Tier } from './segments.ts';

const TIERS: Tier[] = [
  { id: 'very_high', label: '', share: 0.005 }, { id: 'high', label: '', share: 0.045 },
  { id: 'moderate', label: '', share: 0.15 }, { id: 'low', label: '', share: 0.8 },
];

async function population(duck: Duck, people: number, strata: number, seed: number, pSql: string, stratumSize: string): Promise<void> {
  await duck.run(`SELECT setseed(${seed / 100})`);
  await duck.run(`CREATE OR REPLACE TABLE scored AS SELECT printf('P%07d', i) AS person_id, ${pSql} AS p FROM range(${people}) t(i)`);
  await duck.run(`ALTER TABLE scored ADD COLUMN b BIGINT; UPDATE scored SET b = ${riskBucket('p')}`);
  await duck.run(`CREATE OR REPLACE TABLE no_contact AS SELECT printf('S%05d', i) AS stratum, ${pSql} AS p, (${stratumSize})::BIGINT AS people FROM range(${strata}) t(i)`);
  await duck.run(`ALTER TABLE no_contact ADD COLUMN b BIGINT; UPDATE no_contact SET b = ${riskBucket('p')}`);
}

/** Tier counts the exact way: expand strata to units, sort everyone, cut at ceil(N × cumulative share). */
async function exact(duck: Duck): Promise<Map<string, number>> {
  const rows = await duck.all<{ unit: string; tier: string; n: number }>(`
    WITH u AS (
      SELECT 0 AS kind, person_id AS unit, p FROM scored
      UNION ALL SELECT 1, stratum, p FROM no_contact, range(people) r(j)
    ), r AS (SELECT kind, unit, row_number() OVER (ORDER BY p DESC, kind, unit) - 1 AS rnk, count(*) OVER () AS total FROM u)
    SELECT unit, CASE WHEN rnk < ceil(total * 0.005 - 1e-6) THEN 'very_high' WHEN rnk < ceil(total * 0.05 - 1e-6) THEN 'high'
                      WHEN rnk < ceil(total * 0.2 - 1e-6) THEN 'moderate' ELSE 'low' END AS tier, count(*) AS n
      FROM r GROUP BY ALL`);
  return new Map(rows.map((r) => [`${r.unit}|${r.tier}`, Number(r.n)]));
}

async function bucketed(duck: Duck): Promise<Map<string, number>> {
  await assignTiers(duck, TIERS);
  const rows = await duck.all<{ unit: string; tier: string; n: number }>(`
    SELECT person_id AS unit, tier, 1 AS n FROM scores UNION ALL SELECT stratum, tier, sum(people) FROM no_contact_tiers GROUP BY ALL`);
  return new Map(rows.map((r) => [`${r.unit}|${r.tier}`, Number(r.n)]));
}

const cases: [string, number, number, string, string][] = [
  ['continuous risks, small strata', 20_000, 300, 'random()', '1 + floor(random() * 20)'],
  ['a few distinct risks (every boundary inside a tie)', 20_000, 40, 'round(random() * 8) / 10', '1 + floor(random() * 200)'],
  ['risks closer than a bucket, strata larger than a tier', 5_000, 10, '0.3 + random() * 1e-7', '500 + floor(random() * 2000)'],
  ['no strata', 10_000, 0, 'random() * random()', '1'],
];

for (const [name, people, strata, pSql, size] of cases) {
  test(`bucketed tiers equal the exact full sort: ${name}`, async () => {
    const duck = await openDuck({ memoryLimit: '512MB' });
    try {
      await population(duck, people, strata, 42, pSql, size);
      const want = await exact(duck);
      const got = await bucketed(duck);
      assert.equal(got.size, want.size);
      for (const [k, n] of want) assert.equal(got.get(k), n, `unit|tier ${k}`);
      const [tot] = await duck.all<{ n: number; vh: number }>(`SELECT (SELECT count(*) FROM scores) + (SELECT coalesce(sum(people), 0) FROM no_contact_tiers) AS n,
        (SELECT count(*) FROM scores WHERE tier = 'very_high') + (SELECT coalesce(sum(people), 0) FROM no_contact_tiers WHERE tier = 'very_high') AS vh`);
      const total = people + Number((await duck.all<{ n: number }>('SELECT coalesce(sum(people), 0) AS n FROM no_contact'))[0]!.n);
      assert.equal(Number(tot!.n), total);
      assert.equal(Number(tot!.vh), Math.ceil(total * 0.005 - 1e-6));
    } finally {
      duck.close();
    }
  });
}
