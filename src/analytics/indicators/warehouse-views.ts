// Prepares one DuckDB connection for the engine: a view per warehouse dataset (the importers' Parquet,
// or an empty table of the same columns when nothing has been imported), the area tree that rolls
// PCTs up to SHAs and England, each small area's local deprivation quintile and decile within every
// area it belongs to, and the alcohol-attributable fractions. Generated queries read only these names.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Duck } from '../duckdb.ts';
import { columnList, datasetDir, type DatasetName } from '../warehouse/schema.ts';
import { CODELIST_DIR } from './catalogue.ts';

export const ENGLAND_CODE = 'ENG';

/** PCTs and their SHA for the period being computed (from organisation_hierarchy, or a test's list). */
export interface AreaTree {
  pcts: { code: string; shaCode: string }[];
}

const DATASETS: DatasetName[] = ['apc', 'op', 'ae', 'deaths', 'births', 'population', 'ons_deaths', 'imd'];
const RECORD_LEVEL: DatasetName[] = ['apc', 'op', 'ae', 'deaths'];

export function hasParquet(dataDir: string, dataset: DatasetName): boolean {
  const dir = datasetDir(dataDir, dataset);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.parquet'));
}

/** Creates wh_<dataset> for every dataset; returns the datasets that have data. */
export async function createDatasetViews(duck: Duck, dataDir: string): Promise<Set<DatasetName>> {
  const present = new Set<DatasetName>();
  for (const ds of DATASETS) {
    if (hasParquet(dataDir, ds)) {
      present.add(ds);
      // A view cannot take parameters; the glob is built from the configured data folder, never from a request.
      const glob = join(datasetDir(dataDir, ds), '*.parquet').replaceAll("'", "''");
      // Record-level rows carry where they lie (file, row): a key no window has to number.
      const where = RECORD_LEVEL.includes(ds) ? ', filename AS source_file, file_row_number AS source_row' : '';
      await duck.run(`CREATE OR REPLACE VIEW wh_${ds} AS SELECT *${where} FROM read_parquet('${glob}', union_by_name = true)`);
    } else {
      const where = RECORD_LEVEL.includes(ds) ? ', source_file VARCHAR, source_row BIGINT' : '';
      await duck.run(`CREATE OR REPLACE TABLE wh_${ds} (${columnList(ds)}${where})`);
    }
  }
  return present;
}

/**
 * area_map(base_code, area_code, area_type, parent_code, area_id): every base area (a PCT, or an English
 * local authority in ONS aggregates) with one row per area it counts towards — itself, its SHA,
 * England; area_id numbers the areas (the generated queries return it instead of the codes).
 */
export async function createAreaMap(duck: Duck, tree: AreaTree): Promise<void> {
  // The tree is one JSON parameter: 450 rows of parameters cost more than the rest of the set-up.
  await duck.run(`
    CREATE OR REPLACE TABLE area_map AS
    WITH p AS (SELECT unnest(from_json($1, '[{"code":"VARCHAR","shaCode":"VARCHAR"}]'), recursive := true)),
    -- English local authorities in ONS aggregates count towards themselves and England.
    la AS (SELECT area_code AS code FROM wh_population WHERE area_type = 'la' AND area_code LIKE 'E%'
           UNION SELECT area_code FROM wh_ons_deaths WHERE area_type = 'la' AND area_code LIKE 'E%'),
    m AS (
      SELECT code AS base_code, code AS area_code, 'pct' AS area_type, shaCode AS parent_code FROM p
      UNION ALL SELECT code, shaCode, 'sha', $2 FROM p
      UNION ALL SELECT code, $2, 'england', NULL FROM p
      UNION ALL SELECT code, code, 'la', $2 FROM la WHERE code NOT IN (SELECT code FROM p)
      UNION ALL SELECT code, $2, 'england', NULL FROM la WHERE code NOT IN (SELECT code FROM p))
    SELECT *, dense_rank() OVER (ORDER BY area_code)::INTEGER AS area_id FROM m`, [JSON.stringify(tree.pcts), ENGLAND_CODE]);
}

/**
 * lsoa_group(area_id, lsoa01, quintile, decile): each small area and its deprivation group within every
 * area it lies in (1 = most deprived), ranking the area's small areas by IMD score (latest IMD year).
 * A small area's PCT comes from the earliest IMD import: IMD 2007 carries the 2007 local authorities the
 * 2008/09 PCTs were drawn from, while IMD 2010's 2009 unitaries (Cheshire West and Chester) cross PCTs.
 * Only the columns the queries join on: the table is rebuilt whenever the area tree changes.
 */
export async function createDeprivationGroups(duck: Duck): Promise<void> {
  await duck.run(`
    CREATE OR REPLACE TABLE lsoa_pct AS
    SELECT lsoa01, arg_min(pct_code, imd_year) AS pct_code, arg_max(coalesce(score, -rank), imd_year) AS score
    FROM wh_imd WHERE pct_code IS NOT NULL GROUP BY lsoa01`);
  await duck.run(`
    CREATE OR REPLACE TABLE lsoa_group AS
    SELECT m.area_id, i.lsoa01, ntile(5) OVER w AS quintile, ntile(10) OVER w AS decile
    FROM lsoa_pct i JOIN area_map m ON m.base_code = i.pct_code
    WINDOW w AS (PARTITION BY m.area_id ORDER BY i.score DESC, i.lsoa01)`);
}

/**
 * aaf(code4, sex, age_group, fraction, external): PHE alcohol-attributable fractions with every code
 * expanded to the 4-character codes it covers (a 3-character code or a '%' prefix covers its children),
 * so the engine joins on equality. Negative (protective) fractions count as 0.
 */
export async function createAlcoholFractions(duck: Duck, file: string): Promise<void> {
  const path = join(CODELIST_DIR, file);
  await duck.run(`
    CREATE OR REPLACE TABLE aaf AS
    WITH src AS (
      SELECT replace(ICD10_Code, '%', '') AS prefix, CASE Sex WHEN 'Male' THEN 'M' ELSE 'F' END AS sex,
        regexp_extract(Age_group, '^([0-9]+)')::INTEGER AS age_from, greatest(Fraction, 0) AS fraction
      FROM read_csv($1, header = true, all_varchar = false)),
    tails AS (SELECT unnest(['0','1','2','3','4','5','6','7','8','9','X']) AS t),
    codes AS (
      SELECT prefix AS code4, sex, age_from, fraction FROM src WHERE length(prefix) = 4
      UNION ALL SELECT prefix || t, sex, age_from, fraction FROM src, tails WHERE length(prefix) = 3
      UNION ALL SELECT prefix || a.t || b.t, sex, age_from, fraction FROM src, tails a, tails b WHERE length(prefix) = 2)
    SELECT code4, sex, age_from, max(fraction) AS fraction, code4 >= 'V' AS external
    FROM codes GROUP BY code4, sex, age_from`, [path]);
}

/** The age group of the fractions table for an age column expression (16-24, 25-34, …, 85+; 0-15). */
export const AAF_AGE_FROM = `CASE WHEN age < 16 THEN 0 WHEN age < 25 THEN 16 WHEN age >= 85 THEN 85 ELSE (floor((age - 5) / 10) * 10 + 5)::INTEGER END`;

export async function prepareWarehouse(duck: Duck, dataDir: string, tree: AreaTree): Promise<Set<DatasetName>> {
  const present = await createDatasetViews(duck, dataDir);
  await createAreaMap(duck, tree);
  await createDeprivationGroups(duck);
  return present;
}

/**
 * The year's population, read once for every indicator of the year and rolled up once per area tree:
 * pop_areas(lvl, area_id, sex, dep_kind, dep, age_lower, age_upper, population) — per population band as
 * given, summed per area (dep_kind 0), per local IMD quintile (5) and decile (10) of each area. lvl is
 * the geography of the rows: small areas ('lsoa01', always used) or PCT / local authority rows (used by
 * an indicator only when the year has no small areas in its scope). Small areas whose PCT is unknown
 * or outside the tree keep area_id NULL: they count for lvl, as they do in denominatorCells.
 * Needs area_map, lsoa_pct and lsoa_group (createAreaMap, createDeprivationGroups).
 */
export async function cachePopulation(duck: Duck, year: number): Promise<void> {
  await duck.run(`
    CREATE OR REPLACE TEMP TABLE pop_areas AS
    WITH p AS (SELECT area_code, area_type, sex, age_lower, age_upper, population FROM wh_population
               WHERE year = $1 AND sex IN ('M', 'F') AND age_band <> 'all'),
    small AS (SELECT l.pct_code AS base_code, p.area_code AS lsoa01, sex, age_lower, age_upper, population
              FROM p LEFT JOIN lsoa_pct l ON l.lsoa01 = p.area_code WHERE p.area_type = 'lsoa01'),
    by_pct AS (SELECT base_code, sex, age_lower, age_upper, sum(population) AS population FROM small GROUP BY ALL)
    SELECT 'lsoa01' AS lvl, m.area_id, s.sex, 0 AS dep_kind, 0 AS dep, s.age_lower, s.age_upper, sum(s.population) AS population
    FROM by_pct s LEFT JOIN area_map m ON m.base_code = s.base_code GROUP BY ALL
    UNION ALL
    SELECT 'lsoa01', g.area_id, s.sex, 5, g.quintile, s.age_lower, s.age_upper, sum(s.population)
    FROM small s JOIN lsoa_group g ON g.lsoa01 = s.lsoa01 GROUP BY ALL
    UNION ALL
    SELECT 'lsoa01', g.area_id, s.sex, 10, g.decile, s.age_lower, s.age_upper, sum(s.population)
    FROM small s JOIN lsoa_group g ON g.lsoa01 = s.lsoa01 GROUP BY ALL
    UNION ALL
    SELECT p.area_type, m.area_id, p.sex, 0, 0, p.age_lower, p.age_upper, sum(p.population)
    FROM p LEFT JOIN area_map m ON m.base_code = p.area_code WHERE p.area_type IN ('pct', 'la') GROUP BY ALL`, [year]);
}
