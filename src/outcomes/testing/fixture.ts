// Synthetic indicator values for tests, the demo fallback and benchmarks: every PCT of 2008/09, its SHA
// and England, for a few catalogue indicators over eight financial years, with limits, deprivation
// quintiles and benchmark comparisons made by src/stats. Deterministic for a seed.
import type { Db } from '../../platform/db.ts';
import { compareByConfidenceInterval, judgeComparison } from '../../stats/compare.ts';
import { SeededRandom } from '../../stats/rng.ts';
import { pctsWithSha } from '../profile-repo.ts';
import { TREE_AS_OF } from '../profile-service.ts';
import { statsPolarity, type CataloguePolarity } from '../model-types.ts';

export interface FixtureIndicator { id: string; base: number; perPerson: number; polarity: CataloguePolarity; spread: number; trend: number }
export const FIXTURE_INDICATORS: FixtureIndicator[] = [
  { id: 'mortality-all-cause', base: 650, perPerson: 1e5, polarity: 'lower-is-better', spread: 0.15, trend: -0.02 },
  { id: 'mortality-cvd-under-75', base: 90, perPerson: 1e5, polarity: 'lower-is-better', spread: 0.2, trend: -0.04 },
  { id: 'mortality-cancer-under-75', base: 120, perPerson: 1e5, polarity: 'lower-is-better', spread: 0.12, trend: -0.015 },
  { id: 'admissions-alcohol-broad', base: 1500, perPerson: 1e5, polarity: 'lower-is-better', spread: 0.25, trend: 0.05 },
  { id: 'admissions-acsc', base: 800, perPerson: 1e5, polarity: 'lower-is-better', spread: 0.2, trend: 0.01 },
  { id: 'life-expectancy-male', base: 77.5, perPerson: 0, polarity: 'higher-is-better', spread: 0.025, trend: 0.003 },
  { id: 'life-expectancy-female', base: 81.8, perPerson: 0, polarity: 'higher-is-better', spread: 0.02, trend: 0.0025 },
  { id: 'life-expectancy-gap-male', base: 8, perPerson: 0, polarity: 'lower-is-better', spread: 0.3, trend: 0.01 },
  { id: 'life-expectancy-gap-female', base: 6, perPerson: 0, polarity: 'lower-is-better', spread: 0.3, trend: 0.01 },
];
export const FIXTURE_PERIODS = ['2003-04', '2004-05', '2005-06', '2006-07', '2007-08', '2008-09', '2009-10', '2010-11'];

/** The engine stores a sex-specific indicator under that sex, not 'persons'. */
const headlineOf = (id: string) => (id === 'life-expectancy-male' ? 'male' : id === 'life-expectancy-female' ? 'female' : 'persons');

interface Row { indicator: FixtureIndicator; area: string; type: string; parent: string | null; period: string; breakdown: string; value: number; se: number; pop: number }

export async function insertFixtureValues(db: Db, seed = 42, indicators = FIXTURE_INDICATORS, periods = FIXTURE_PERIODS): Promise<number> {
  const rng = new SeededRandom(seed);
  const pcts = await pctsWithSha(db, TREE_AS_OF);
  const rows: Row[] = [];
  for (const ind of indicators) {
    const byShaPeriod = new Map<string, number[]>();
    for (const p of pcts) {
      const effect = 1 + ind.spread * (rng.normal());
      const slope = ind.trend * (1 + rng.normal());
      const pop = 150_000 + Math.floor(rng.uniform() * 250_000);
      periods.forEach((period, t) => {
        const value = ind.base * effect * (1 + slope * t);
        const se = ind.perPerson ? Math.sqrt(value * ind.perPerson / pop) * 1.1 : value * 0.006;
        rows.push({ indicator: ind, area: p.code, type: 'pct', parent: p.shaCode, period, breakdown: headlineOf(ind.id), value, se, pop });
        for (let q = 1; q <= 5; q++) {
          const grad = ind.polarity === 'higher-is-better' ? 1 - 0.02 * (3 - q) : 1 + 0.12 * (3 - q);
          rows.push({ indicator: ind, area: p.code, type: 'pct', parent: p.shaCode, period, breakdown: `imd_quintile_${q}`, value: value * grad, se: se * 2.2, pop: pop / 5 });
        }
        const k = `${p.shaCode}|${period}`;
        byShaPeriod.set(k, [...(byShaPeriod.get(k) ?? []), value]);
      });
    }
    const england = new Map<string, number>();
    for (const period of periods) {
      const all = rows.filter((r) => r.indicator === ind && r.period === period && r.type === 'pct' && !r.breakdown.startsWith('imd_')).map((r) => r.value);
      const mean = all.reduce((a, b) => a + b, 0) / all.length;
      england.set(period, mean);
      rows.push({ indicator: ind, area: 'ENG', type: 'england', parent: null, period, breakdown: headlineOf(ind.id), value: mean, se: mean * 0.001, pop: 50_000_000 });
    }
    for (const [k, vals] of byShaPeriod) {
      const [sha, period] = k.split('|');
      const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
      rows.push({ indicator: ind, area: sha, type: 'sha', parent: 'ENG', period, breakdown: headlineOf(ind.id), value: mean, se: mean * 0.004, pop: 5_000_000 });
    }
  }
  const key = (r: Row) => `${r.indicator.id}|${r.area}|${r.period}|${r.breakdown}`;
  const byKey = new Map(rows.map((r) => [key(r), r]));
  const judge = (r: Row, b: Row | undefined) => {
    if (!b || b === r) return 'not-compared';
    const cmp = compareByConfidenceInterval({ intervals: [{ lower: r.value - 1.96 * r.se, upper: r.value + 1.96 * r.se }, { lower: r.value - 3.09 * r.se, upper: r.value + 3.09 * r.se }], benchmark: b.value });
    return judgeComparison(cmp, statsPolarity(r.indicator.polarity));
  };
  const cols: unknown[][] = Array.from({ length: 15 }, () => []);
  for (const r of rows) {
    const eng = byKey.get(`${r.indicator.id}|ENG|${r.period}|${r.breakdown.startsWith('imd_') ? 'none' : r.breakdown}`);
    const parent = r.breakdown.startsWith('imd_') ? byKey.get(`${r.indicator.id}|${r.area}|${r.period}|${headlineOf(r.indicator.id)}`) : r.parent ? byKey.get(`${r.indicator.id}|${r.parent}|${r.period}|${r.breakdown}`) : undefined;
    const vals = [r.indicator.id, r.area, r.type, r.period, r.breakdown, r.indicator.perPerson ? (r.value * r.pop) / r.indicator.perPerson : null, r.pop, r.value,
      r.value - 1.96 * r.se, r.value + 1.96 * r.se, r.value - 3.09 * r.se, r.value + 3.09 * r.se, judge(r, eng), judge(r, parent), null];
    vals.forEach((v, i) => cols[i].push(v));
  }
  await db.query(
    `INSERT INTO indicator_values (indicator_id, area_code, area_type, period, breakdown, numerator, denominator, value,
       lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl, compared_to_england, compared_to_parent, note)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[],
       $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[], $14::text[], $15::text[])
     ON CONFLICT DO NOTHING`, cols);
  return rows.length;
}
