// Reads behind the area views: the catalogue, stored indicator values (one area's series, every area
// of a type in a period), and the periods that have values. Plain SQL, parameters only.
import type { Db } from '../platform/db.ts';
import type { CatalogueEntry, StoredValue } from './model-types.ts';

const VALUE_COLUMNS = `indicator_id, area_code, area_type, period, breakdown, numerator, denominator, value,
  lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl, compared_to_england, compared_to_parent, note`;

const toValue = (r: any): StoredValue => ({
  indicatorId: r.indicator_id, areaCode: r.area_code, areaType: r.area_type, period: r.period, breakdown: r.breakdown,
  numerator: r.numerator, denominator: r.denominator, value: r.value, lower95: r.lower95_0cl, upper95: r.upper95_0cl,
  lower998: r.lower99_8cl, upper998: r.upper99_8cl, comparedToEngland: r.compared_to_england,
  comparedToParent: r.compared_to_parent, note: r.note,
});

export async function loadCatalogueEntries(db: Db): Promise<CatalogueEntry[]> {
  const { rows } = await db.query(
    `SELECT id, title, domain, method, unit, polarity, multiplier,
            COALESCE(definition->'confidence', '["95"]'::jsonb) AS confidence, COALESCE(definition->>'source', '') AS source
     FROM indicators ORDER BY domain, id`);
  return rows.map((r) => ({ ...r, confidence: r.confidence as string[] }));
}

export async function listPeriods(db: Db): Promise<string[]> {
  // Distinct periods by a loose index scan (one probe of indicator_values_type_period per period).
  const { rows } = await db.query(
    `WITH RECURSIVE p AS (
       (SELECT period FROM indicator_values WHERE area_type = 'pct' ORDER BY period LIMIT 1)
       UNION ALL
       SELECT (SELECT v.period FROM indicator_values v WHERE v.area_type = 'pct' AND v.period > p.period ORDER BY v.period LIMIT 1)
       FROM p WHERE p.period IS NOT NULL)
     SELECT period FROM p WHERE period IS NOT NULL`);
  return rows.map((r) => r.period as string);
}

/** Every value of some areas (all indicators, all periods) for one breakdown. */
export async function areaSeries(db: Db, areaCodes: string[], breakdown = 'persons'): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values WHERE area_code = ANY($1::text[]) AND breakdown = $2 ORDER BY period`,
    [areaCodes, breakdown]);
  return rows.map(toValue);
}

/** Every value of one area type in a period (all indicators), optionally one indicator. */
export async function valuesOfType(db: Db, areaType: string, period: string | null, breakdown = 'persons', indicatorId: string | null = null): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values
     WHERE area_type = $1 AND ($2::text IS NULL OR period = $2) AND breakdown = $3 AND ($4::text IS NULL OR indicator_id = $4)
     ORDER BY indicator_id, area_code, period`,
    [areaType, period, breakdown, indicatorId]);
  return rows.map(toValue);
}

/** Just the values of every area of a type in a period (persons), for distributions: an index-only scan. */
export async function valuesOnly(db: Db, areaType: string, period: string): Promise<{ indicatorId: string; areaCode: string; value: number }[]> {
  const { rows } = await db.query({
    text: `SELECT indicator_id, area_code, value FROM indicator_values
           WHERE area_type = $1 AND period = $2 AND breakdown = 'persons' AND value IS NOT NULL`,
    values: [areaType, period], rowMode: 'array',
  });
  return rows.map((r) => ({ indicatorId: r[0], areaCode: r[1], value: r[2] }));
}

/** One indicator's values for an area across breakdowns (deprivation segments) in a period. */
export async function breakdownValues(db: Db, indicatorId: string, areaCode: string, period: string): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values WHERE indicator_id = $1 AND area_code = $2 AND period = $3 ORDER BY breakdown`,
    [indicatorId, areaCode, period]);
  return rows.map(toValue);
}

/** One indicator over every period for some areas (persons). */
export async function indicatorSeries(db: Db, indicatorId: string, areaCodes: string[] | null, areaType: string | null, breakdown = 'persons'): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values
     WHERE indicator_id = $1 AND breakdown = $2 AND ($3::text[] IS NULL OR area_code = ANY($3::text[])) AND ($4::text IS NULL OR area_type = $4)
     ORDER BY area_code, period`,
    [indicatorId, breakdown, areaCodes, areaType]);
  return rows.map(toValue);
}

/** PCTs (code, name, SHA) in force on a date. */
export async function pctsWithSha(db: Db, asOf: string): Promise<{ code: string; name: string; shaCode: string }[]> {
  const { rows } = await db.query(
    `SELECT o.code, o.name, h.parent_code AS sha_code FROM organisations o
     JOIN organisation_hierarchy h ON h.child_code = o.code AND h.valid_from <= $1 AND (h.valid_to IS NULL OR h.valid_to >= $1)
     WHERE o.type = 'pct' AND o.valid_from <= $1 AND (o.valid_to IS NULL OR o.valid_to >= $1) ORDER BY o.code`, [asOf]);
  return rows.map((r) => ({ code: r.code, name: r.name, shaCode: r.sha_code }));
}
