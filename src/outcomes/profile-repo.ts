// Reads behind the area views: the catalogue, stored indicator values (one area's series, every area
// of a type in a period), and the periods that have values. Plain SQL, parameters only.
import type { Db } from '../platform/db.ts';
import type { CatalogueEntry, StoredValue } from './model-types.ts';

const VALUE_COLUMNS = `v.indicator_id, v.area_code, v.area_type, v.period, v.breakdown, v.numerator, v.denominator, v.value,
  v.lower95_0cl, v.upper95_0cl, v.lower99_8cl, v.upper99_8cl, v.compared_to_england, v.compared_to_parent, v.note`;

/**
 * Each indicator's headline value: 'persons', or the sex an indicator is defined for (life expectancy of
 * males is stored by the engine under breakdown 'male', with no 'persons' row).
 */
const HEADLINE = `JOIN indicators i ON i.id = v.indicator_id AND v.breakdown = COALESCE(i.definition->'numerator'->>'sex', 'persons')`;

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

/** The headline values of some areas (all indicators, all periods). */
export async function areaSeries(db: Db, areaCodes: string[]): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values v ${HEADLINE} WHERE v.area_code = ANY($1::text[]) ORDER BY v.period`,
    [areaCodes]);
  return rows.map(toValue);
}

/**
 * Periods are matched by their first year, so a profile for 2008-09 also shows calendar-year indicators of
 * 2008 (deaths) beside financial-year ones (HES): '2008' <= period < '2009' (index-friendly).
 */
export const yearRange = (period: string): [string, string] => {
  const y = Number(period.slice(0, 4));
  return [String(y), String(y + 1)];
};

/** The headline values of one area type in a period (all indicators), optionally one indicator. */
export async function valuesOfType(db: Db, areaType: string, period: string | null, indicatorId: string | null = null): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values v ${HEADLINE}
     WHERE v.area_type = $1 AND ($2::text IS NULL OR (v.period >= $2 AND v.period < $4)) AND ($3::text IS NULL OR v.indicator_id = $3)
     ORDER BY v.indicator_id, v.area_code, v.period`,
    [areaType, period && yearRange(period)[0], indicatorId, period && yearRange(period)[1]]);
  return rows.map(toValue);
}

/** Just the values of every area of a type in a period (persons), for distributions: an index-only scan. */
export async function valuesOnly(db: Db, areaType: string, period: string): Promise<{ indicatorId: string; areaCode: string; value: number }[]> {
  const { rows } = await db.query({
    text: `SELECT v.indicator_id, v.area_code, v.value FROM indicator_values v ${HEADLINE}
           WHERE v.area_type = $1 AND v.period >= $2 AND v.period < $3 AND v.value IS NOT NULL`,
    values: [areaType, ...yearRange(period)], rowMode: 'array',
  });
  return rows.map((r) => ({ indicatorId: r[0], areaCode: r[1], value: r[2] }));
}

/** One indicator's values for an area across breakdowns (deprivation segments) in a period. */
export async function breakdownValues(db: Db, indicatorId: string, areaCode: string, period: string): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values v WHERE v.indicator_id = $1 AND v.area_code = $2 AND v.period >= $3 AND v.period < $4 ORDER BY v.breakdown`,
    [indicatorId, areaCode, ...yearRange(period)]);
  return rows.map(toValue);
}

/** One indicator's headline values over every period for some areas, or every area of a type. */
export async function indicatorSeries(db: Db, indicatorId: string, areaCodes: string[] | null, areaType: string | null): Promise<StoredValue[]> {
  const { rows } = await db.query(
    `SELECT ${VALUE_COLUMNS} FROM indicator_values v ${HEADLINE}
     WHERE v.indicator_id = $1 AND ($2::text[] IS NULL OR v.area_code = ANY($2::text[])) AND ($3::text IS NULL OR v.area_type = $3)
     ORDER BY v.area_code, v.period`,
    [indicatorId, areaCodes, areaType]);
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
