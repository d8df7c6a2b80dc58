// Generates the one DuckDB query that computes an indicator's numerators and denominators per area
// (PCT, SHA, England; local authority for ONS aggregates), breakdown (persons, sex, deprivation group)
// and, when the method standardises, age band. Values are $n parameters; identifiers are fixed here.
import type { IndicatorDefinition } from './definition-schema.ts';
import {
  Params, allOf, ageSexConditions, bandScopeConditions, numeratorOnlyConditions, recordConditions,
} from './filters.ts';
import { SOURCES, periodValue, readmissionRelation, sourceRelation, weightedColumns, weightedRelation } from './relations.ts';

export type BandScheme = 'esp' | 'le' | 'none';
export type DeprivationGroups = 'quintile' | 'decile';

export interface QueryOptions {
  /** '2008-09' for financial-year indicators, '2014' for calendar-year ones. */
  period: string;
  bands: BandScheme;
  groups: DeprivationGroups;
  /** Read the numerator (and a records denominator) from a shared scan's cells instead of the Parquet. */
  scan?: ScanColumns;
  /** Take a population denominator from the year's population rolled up once (pop_areas, warehouse-views.ts). */
  cachedPopulation?: boolean;
}

/**
 * Where one definition's counts sit in a shared scan (shared-scan.ts): a table of cells per PCT of
 * residence × small area × sex × fine age band `fb`, with a column per distinct numerator.
 */
export interface ScanColumns {
  table: string;
  /** numerator (weighted or counted) */
  x: string;
  /** true for the cells that the definition's own query would have produced (some record matched) */
  present: string;
  /** records denominator: count of the denominator's records, and sums for means */
  n?: string;
  s?: string;
  ss?: string;
}

export interface GeneratedQuery {
  sql: string;
  params: (string | number | boolean)[];
}

const RECORD_BAND: Record<BandScheme, string> = {
  esp: 'least(floor(age / 5) * 5, 90)::INTEGER',
  le: 'CASE WHEN age = 0 THEN 0 WHEN age < 5 THEN 1 ELSE least(floor(age / 5) * 5, 90)::INTEGER END',
  none: '0',
};
// Banded rows (population, ONS deaths) are used only when the row lies inside one band of the scheme.
const ROW_BAND: Record<BandScheme, string> = {
  esp: 'least(floor(age_lower / 5) * 5, 90)::INTEGER',
  le: 'CASE WHEN age_upper = 0 THEN 0 WHEN age_lower >= 1 AND age_upper <= 4 THEN 1 ELSE least(floor(age_lower / 5) * 5, 90)::INTEGER END',
  none: '0',
};
const ROW_BAND_VALID: Record<BandScheme, string> = {
  esp: '(age_lower >= 90 OR floor(age_lower / 5) = floor(age_upper / 5))',
  le: '(age_upper = 0 OR (age_lower >= 1 AND age_upper <= 4) OR age_lower >= 90 OR (age_lower >= 5 AND floor(age_lower / 5) = floor(age_upper / 5)))',
  none: '(age_lower >= 90 OR floor(age_lower / 5) = floor(age_upper / 5))',
};

/**
 * The fine age band of a shared scan: 0, 1 (1-4), 5, 10, … 90 (90+), multiples of 5 below 0, NULL when
 * the age is unknown. Each scheme's band is a function of it (SCAN_BAND), so one scan serves them all.
 */
export const FINE_BAND = 'CASE WHEN age IS NULL THEN NULL WHEN age = 0 THEN 0 WHEN age > 0 AND age < 5 THEN 1 ELSE least(floor(age / 5) * 5, 90)::INTEGER END';
const SCAN_BAND: Record<BandScheme, string> = {
  esp: 'CASE WHEN fb = 1 THEN 0 ELSE fb END',
  le: 'CASE WHEN fb < 0 THEN 1 ELSE fb END',
  none: '0',
};

/** The calendar year whose mid-year population (or births) matches a period: '2008-09' → 2008. */
export function populationYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** All-cause deaths may also come as ONS aggregates by local authority or PCT. */
function onsDeathsCells(def: IndicatorDefinition, o: QueryOptions, p: Params): string {
  const num = def.numerator!;
  if (num.dataset !== 'deaths' || num.diagnosis) return '';
  const agg = [`year = ${p.add(Number(o.period))}`, `area_type IN ('la', 'pct')`, `sex IN ('M', 'F')`, `age_band <> 'all'`,
    ROW_BAND_VALID[o.bands], ...bandScopeConditions(num, p)];
  return `\n      UNION ALL SELECT area_code, '', sex, ${ROW_BAND[o.bands]}, sum(deaths)::DOUBLE FROM wh_ons_deaths WHERE ${agg.join(' AND ')} GROUP BY ALL`;
}

/** The numerator cells of one definition read from a shared scan (the scan applied the rules). */
function scanCells(def: IndicatorDefinition, o: QueryOptions, p: Params, scan: ScanColumns, withRecordsDenominator: boolean): string {
  const select = `base_code, lsoa01, sex, ${SCAN_BAND[o.bands]} AS band`;
  const banded = o.bands !== 'none' ? ' AND fb IS NOT NULL' : '';
  if (withRecordsDenominator) {
    if (!scan.n) throw new Error(`${def.id}: the scan has no denominator column`);
    const sums = def.meanOf ? `sum(${scan.s}) AS s, sum(${scan.ss}) AS ss` : '0.0 AS s, 0.0 AS ss';
    return `SELECT ${select}, sum(${scan.x}) AS x, sum(${scan.n})::DOUBLE AS n, ${sums}
      FROM ${scan.table} WHERE ${scan.present}${banded} GROUP BY ALL`;
  }
  return `SELECT ${select}, sum(${scan.x})::DOUBLE AS x FROM ${scan.table} WHERE ${scan.present}${banded} GROUP BY ALL${onsDeathsCells(def, o, p)}`;
}

function numeratorCells(def: IndicatorDefinition, o: QueryOptions, p: Params, withRecordsDenominator: boolean): string {
  if (o.scan) return scanCells(def, o, p, o.scan, withRecordsDenominator);
  const num = def.numerator!;
  const ds = num.dataset as keyof typeof SOURCES;
  const src = SOURCES[ds];
  const weighted = num.weighting !== undefined;
  const w = weighted ? 'w' : (ds === 'births' ? 'births' : '1');
  const band = RECORD_BAND[o.bands];
  const keys = [`${src.base} AS base_code`, `coalesce(lsoa01, '') AS lsoa01`, `coalesce(sex, 'U') AS sex`, `${band} AS band`];
  const readmissions = num.readmittedWithinDays !== undefined;

  if (withRecordsDenominator) {
    // Proportion / mean: one scan; the denominator's rules select rows, the numerator's flag them.
    if (weighted) throw new Error(`${def.id}: weighting is supported with population denominators only`);
    const inDenominator = [...(o.bands !== 'none' ? ['age IS NOT NULL'] : []), ...recordConditions(def.denominator!, p)];
    if (def.meanOf) inDenominator.push('length_of_stay IS NOT NULL');
    const hit = [...recordConditions(num, p), ...numeratorOnlyConditions(num, p)];
    const v = def.meanOf ? 'length_of_stay::DOUBLE' : '0';
    if (readmissions) {
      // The rules are evaluated before the readmission window: only their flags and the keys go through it.
      const rows = readmissionRelation(num, o.period, p, [...keys, `${allOf(inDenominator)} AS in_denominator`, `${allOf(hit)} AS hit`, `${v} AS v`]);
      return `SELECT base_code, lsoa01, sex, band, sum(CASE WHEN hit AND readmitted THEN 1 ELSE 0 END) AS x, count(*)::DOUBLE AS n,
          sum(v) AS s, sum(v * v) AS ss
        FROM ${rows} WHERE in_denominator AND spell_end IS NOT NULL GROUP BY ALL`;
    }
    const where = [`${src.period} = ${periodValue(ds, o.period, p)}`, ...inDenominator];
    return `SELECT ${keys.join(', ')}, sum(CASE WHEN ${allOf(hit)} THEN ${w} ELSE 0 END) AS x, count(*)::DOUBLE AS n,
        sum(${v}) AS s, sum(${v} * ${v}) AS ss
      FROM ${sourceRelation(num)} WHERE ${where.join(' AND ')} GROUP BY ALL`;
  }
  if (readmissions) throw new Error(`${def.id}: readmissions are counted against the discharges (a records denominator)`);
  const where = [`${src.period} = ${periodValue(ds, o.period, p)}`];
  if (o.bands !== 'none') where.push('age IS NOT NULL');
  where.push(...recordConditions(num, p), ...numeratorOnlyConditions(num, p));
  // Weighting unnests the diagnoses of the rows the rules select; the weighted rows need no second filter.
  const rows = weighted
    ? weightedRelation(sourceRelation(num), num.weighting!.measure, where.join(' AND '), weightedColumns(ds))
    : `${sourceRelation(num)} WHERE ${where.join(' AND ')}`;
  return `SELECT ${keys.join(', ')}, sum(${w})::DOUBLE AS x FROM ${rows} GROUP BY ALL${onsDeathsCells(def, o, p)}`;
}

function denominatorCells(def: IndicatorDefinition, o: QueryOptions, p: Params): string {
  const den = def.denominator!;
  if (den.kind === 'births') {
    const c = [`year = ${p.add(Number(o.period))}`, ...ageSexConditions({ sex: den.sex }, 'age', p)];
    return `SELECT pct_code AS base_code, coalesce(lsoa01, '') AS lsoa01, CASE WHEN sex IN ('M', 'F') THEN sex ELSE 'U' END AS sex, 0 AS band,
        sum(births)::DOUBLE AS n FROM wh_births WHERE ${c.join(' AND ')} GROUP BY ALL`;
  }
  // Life tables need ages 0 and 1-4 apart; a population given only as 0-4 is split 1:4 (documented approximation).
  const split04 = o.bands === 'le';
  const valid = split04 ? `(${ROW_BAND_VALID.le} OR (age_lower = 0 AND age_upper = 4))` : ROW_BAND_VALID[o.bands];
  const c = [valid, ...bandScopeConditions(den, p)];
  // pop_cells holds the year's rows by sex without 'all', each small area with its PCT (population-cache.ts).
  const rows = o.cachedPopulation ? 'pop_cells'
    : `wh_population WHERE year = ${p.add(populationYear(o.period))} AND sex IN ('M', 'F') AND age_band <> 'all'`;
  const smallAreas = o.cachedPopulation ? `FROM pop` : `FROM (SELECT pop.*, l.pct_code FROM pop JOIN lsoa_pct l ON l.lsoa01 = pop.area_code) pop`;
  const band = split04 ? `CASE WHEN age_lower = 0 AND age_upper = 4 THEN s.b ELSE ${ROW_BAND.le} END` : ROW_BAND[o.bands];
  const pop = split04 ? 'population * coalesce(s.f, 1.0)' : 'population';
  const splitJoin = split04 ? `LEFT JOIN (VALUES (0, 0.2), (1, 0.8)) s(b, f) ON pop.age_lower = 0 AND pop.age_upper = 4` : '';
  // The finest geography available for the year: small areas, else PCTs, else local authorities.
  return `WITH pop AS (SELECT * FROM ${rows}${o.cachedPopulation ? ' WHERE' : ' AND'} ${c.join(' AND ')}),
      lvl AS (SELECT CASE WHEN count(*) FILTER (WHERE area_type = 'lsoa01') > 0 THEN 'lsoa01'
                          WHEN count(*) FILTER (WHERE area_type = 'pct') > 0 THEN 'pct' ELSE 'la' END AS t FROM pop)
      SELECT pop.pct_code AS base_code, pop.area_code AS lsoa01, sex, ${band} AS band, sum(${pop})::DOUBLE AS n
      ${smallAreas} ${splitJoin}
      WHERE pop.area_type = 'lsoa01' AND pop.pct_code IS NOT NULL GROUP BY ALL
      UNION ALL
      SELECT pop.area_code, '', sex, ${band}, sum(${pop})::DOUBLE
      FROM pop ${splitJoin}
      WHERE pop.area_type IN ('pct', 'la') AND pop.area_type = (SELECT t FROM lvl) GROUP BY ALL`;
}

/**
 * The population denominator rolled up to area × breakdown × band from pop_areas (the year's
 * population already summed per area, sex, deprivation group and population band: population-cache in
 * warehouse-views.ts), with the same rules as denominatorCells: the definition's age and sex scope,
 * bands that fit the scheme (0-4 split 1:4 for life tables), small areas always and PCT or local
 * authority rows only when the year has nothing finer. Ends with the CTE den_out(area_id, k, band, n).
 */
function rolledDenominator(def: IndicatorDefinition, o: QueryOptions, p: Params, wantDep: boolean): string {
  const den = def.denominator!;
  const split04 = o.bands === 'le';
  const valid = split04 ? `(${ROW_BAND_VALID.le} OR (age_lower = 0 AND age_upper = 4))` : ROW_BAND_VALID[o.bands];
  const band = split04 ? `CASE WHEN age_lower = 0 AND age_upper = 4 THEN s.b ELSE ${ROW_BAND.le} END` : ROW_BAND[o.bands];
  const pop = split04 ? 'population * coalesce(s.f, 1.0)' : 'population';
  const splitJoin = split04 ? `LEFT JOIN (VALUES (0, 0.2), (1, 0.8)) s(b, f) ON pop.age_lower = 0 AND pop.age_upper = 4` : '';
  const depKind = o.groups === 'decile' ? 10 : 5;
  const c = [valid, ...bandScopeConditions(den, p)];
  return `pop AS (SELECT * FROM pop_areas WHERE ${c.join(' AND ')}),
    lvl AS (SELECT CASE WHEN count(*) FILTER (WHERE lvl = 'lsoa01') > 0 THEN 'lsoa01'
                        WHEN count(*) FILTER (WHERE lvl = 'pct') > 0 THEN 'pct' ELSE 'la' END AS t FROM pop),
    den_rows AS (
      SELECT area_id, sex, dep_kind, dep, ${band} AS band, ${pop} AS n FROM pop ${splitJoin}
      WHERE area_id IS NOT NULL AND (lvl = 'lsoa01' OR lvl = (SELECT t FROM lvl))${wantDep ? ` AND dep_kind IN (0, ${depKind})` : ' AND dep_kind = 0'}),
    den_out AS (
      SELECT area_id, 0::SMALLINT AS k, band::SMALLINT AS band, sum(n)::DOUBLE AS n FROM den_rows WHERE dep_kind = 0 GROUP BY ALL
      UNION ALL SELECT area_id, CASE sex WHEN 'M' THEN 1 ELSE 2 END, band, sum(n) FROM den_rows WHERE dep_kind = 0 GROUP BY ALL${wantDep ? `
      UNION ALL SELECT area_id, ${DEP_CODE} + dep, band, sum(n) FROM den_rows WHERE dep_kind = ${depKind} GROUP BY ALL` : ''})`;
}

/** Breakdown codes of the query's output column k: 0 all, 1 male, 2 female, DEP_CODE + group. */
export const DEP_CODE = 100;

/**
 * One query for one indicator and period. Output columns (numbers only: strings are slow to read into
 * JavaScript, so areas come back as area_map.area_id): area_id, k (breakdown code: 0 all, 1 male, 2
 * female, DEP_CODE + deprivation group), band, x (numerator), n (denominator), and for means s and ss
 * (sum and sum of squares).
 */
export function buildIndicatorQuery(def: IndicatorDefinition, o: QueryOptions): GeneratedQuery {
  if (!def.numerator || !def.denominator) throw new Error(`${def.id}: nothing to compute (no numerator or denominator)`);
  const p = new Params();
  const records = def.denominator.kind === 'records';
  // With the year's population rolled up once (pop_areas), only the numerator is rolled up here and
  // the two meet on area × breakdown × band: sums, so the same as rolling up their union.
  const rolledPopulation = o.cachedPopulation === true && def.denominator.kind === 'population';
  const cells = records
    ? `cells AS MATERIALIZED (${numeratorCells(def, o, p, true)})`
    : rolledPopulation
    ? `cells AS MATERIALIZED (
      SELECT base_code, lsoa01, sex, band, sum(x) AS x, 0.0 AS n FROM (${numeratorCells(def, o, p, false)}) GROUP BY ALL)`
    : `num_cells AS (${numeratorCells(def, o, p, false)}),
    den_cells AS (${denominatorCells(def, o, p)}),
    cells AS MATERIALIZED (
      SELECT base_code, lsoa01, sex, band, coalesce(sum(x), 0) AS x, coalesce(sum(n), 0) AS n
      FROM (SELECT base_code, lsoa01, sex, band, x, NULL::DOUBLE AS n FROM num_cells
            UNION ALL SELECT base_code, lsoa01, sex, band, NULL, n FROM den_cells)
      GROUP BY ALL)`;
  const depColumn = o.groups === 'decile' ? 'g.decile' : 'g.quintile';
  // Sums of values and squares are carried only for means.
  const sums = def.meanOf ? ', sum(s) AS s, sum(ss) AS ss' : '';
  const csums = def.meanOf ? ', sum(c.s) AS s, sum(c.ss) AS ss' : '';
  const outSums = def.meanOf ? ', s, ss' : '';
  const wantDep = o.groups === 'decile' || def.breakdowns.includes('imd-quintile');
  // Totals and sexes need no small area: collapse the cells first, then roll PCTs up the tree. Only
  // the deprivation split joins each small area to its group within every area it lies in.
  const depPart = wantDep ? `,
    by_dep AS (
      SELECT g.area_id, ${depColumn} AS dep, c.band, sum(c.x) AS x, sum(c.n) AS n${csums}
      FROM cells c
      JOIN lsoa_group g ON g.lsoa01 = c.lsoa01
      -- the small area's group counts in an area only if the record's own PCT lies in that area too
      SEMI JOIN area_map m ON m.base_code = c.base_code AND m.area_id = g.area_id
      GROUP BY ALL)` : '';
  const depSelect = wantDep ? `
    UNION ALL SELECT area_id, (${DEP_CODE} + dep)::SMALLINT, band, x, n${outSums} FROM by_dep` : '';
  const rollup = `
    by_sex AS (
      SELECT m.area_id, c.sex, c.band, sum(c.x) AS x, sum(c.n) AS n${csums}
      FROM (SELECT base_code, sex, band, sum(x) AS x, sum(n) AS n${sums} FROM cells GROUP BY ALL) c
      JOIN area_map m ON m.base_code = c.base_code
      GROUP BY ALL)${depPart}`;
  const out = `SELECT area_id, 0::SMALLINT AS k, band::SMALLINT AS band, sum(x)::DOUBLE AS x, sum(n)::DOUBLE AS n${def.meanOf ? ', sum(s) AS s, sum(ss) AS ss' : ''}
    FROM by_sex GROUP BY area_id, band
    UNION ALL SELECT area_id, CASE sex WHEN 'M' THEN 1 ELSE 2 END, band, x, n${outSums} FROM by_sex WHERE sex IN ('M', 'F')${depSelect}`;
  const sql = rolledPopulation
    ? `WITH ${cells},${rollup},
    num_out AS (${out}),
    ${rolledDenominator(def, o, p, wantDep)}
    SELECT coalesce(a.area_id, d.area_id) AS area_id, coalesce(a.k, d.k) AS k, coalesce(a.band, d.band) AS band,
      coalesce(a.x, 0.0) AS x, coalesce(d.n, 0.0) AS n
    FROM num_out a FULL OUTER JOIN den_out d ON a.area_id = d.area_id AND a.k = d.k AND a.band = d.band`
    : `WITH ${cells},${rollup}
    ${out}`;
  return { sql, params: p.values };
}
