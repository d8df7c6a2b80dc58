// A small pseudo-random warehouse (deterministic: every value is a hash of the row number) that exercises
// every rule of the catalogue: two financial years of APC with readmissions, OP, A&E, record-level deaths,
// births, small-area populations (2008) and PCT populations with a 0-4 band (2009), ONS aggregates for a
// local authority and the IMD. Written straight to Parquet in the importers' schema.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sqlLiteral, type Duck } from '../../duckdb.ts';
import { columnList, datasetDir, type DatasetName } from '../../warehouse/schema.ts';
import type { AreaTree } from '../warehouse-views.ts';

export const RANDOM_TREE: AreaTree = { pcts: [{ code: '5AA', shaCode: 'Q30' }, { code: '5BB', shaCode: 'Q30' }, { code: '5CC', shaCode: 'Q31' }] };

/** small area k (0-35) of PCT k // 12 */
const LSOA = (k: string) => `'E01' || lpad(((${k}) % 36)::VARCHAR, 6, '0')`;
type PctOf = (k: string) => string;
const CODES = `['S720', 'S721', 'I10X', 'J459', 'J440', 'F102', 'K703', 'C189', 'E669', 'I219', 'E119', 'N390', 'L039',
  'H251', 'M171', 'X600', 'Y100', 'C349', 'I639', 'J189', 'R069', 'G409', 'K359', 'O800', 'Z380', 'D500', 'E86X', 'I500']`;
/** A pseudo-random integer 0 … m-1 for row i and stream k (one hash input per stream, so streams are independent). */
const h = (k: number, m: number) => `(hash(i * 7919 + ${k}) % ${m})::INTEGER`;
const pick = (list: string, k: number) => `${list}[${h(k, 1000)} % len(${list}) + 1]`;
const diagnoses = `list_transform(range(1 + ${h(3, 4)}), j -> ${CODES}[(hash(i * 7919 + 100 + j) % 28)::INTEGER + 1])`;
const sex = (k: number) => `CASE ${h(k, 20)} WHEN 0 THEN NULL ELSE CASE WHEN ${h(k + 1, 2)} = 0 THEN 'M' ELSE 'F' END END`;

async function write(duck: Duck, dataDir: string, ds: DatasetName, select: string): Promise<void> {
  const dir = datasetDir(dataDir, ds);
  mkdirSync(dir, { recursive: true });
  await duck.run(`CREATE OR REPLACE TEMP TABLE rw_${ds} (${columnList(ds)})`);
  await duck.run(`INSERT INTO rw_${ds} BY NAME ${select}`);
  await duck.run(`COPY rw_${ds} TO ${sqlLiteral(join(dir, 'random.parquet'))} (FORMAT parquet)`);
}

function apc(PCT_OF: PctOf, fyear: string, start: string, n: number, seed: number): string {
  return `SELECT 'p' || (hash(i * 7919 + 1) % ${Math.round(n / 3)}) AS person_id, '${fyear}' AS fyear, '${seed}-' || i AS episode_key,
      DATE '${start}' + ${h(5, 365)} AS admission_date, DATE '${start}' + ${h(5, 365)} + ${h(6, 12)} AS discharge_date,
      CASE WHEN ${h(7, 7)} = 0 THEN 2 ELSE 1 END AS epiorder,
      ${pick(`['emergency', 'emergency', 'elective', 'maternity', 'other']`, 8)} AS admission_class,
      ${pick(`['1', '1', '2', '3']`, 9)} AS patient_class,
      CASE WHEN ${h(10, 30)} = 0 THEN NULL ELSE ${h(11, 96)} END AS age, ${sex(12)} AS sex,
      CASE WHEN ${h(14, 25)} = 0 THEN NULL ELSE ${LSOA(`hash(i * 7919 + 15)`)} END AS lsoa01,
      ${PCT_OF(`hash(i * 7919 + 15)`)} AS pct_code, CASE WHEN ${h(16, 15)} = 0 THEN NULL ELSE ${PCT_OF(`hash(i * 7919 + 15)`)} END AS residence_pct,
      ${diagnoses} AS diagnoses, CASE WHEN ${h(17, 3)} = 0 THEN ['H259', 'X999'] ELSE [] END AS procedures,
      CASE WHEN ${h(18, 10)} = 0 THEN NULL ELSE ${h(6, 12)} END AS length_of_stay, 'apc' AS import_id
    FROM (SELECT i + ${seed * 1000000} AS i FROM range(${n}) t(i))`;
}

/** Writes the warehouse under dataDir for three PCTs (by default those of RANDOM_TREE). */
export async function writeRandomWarehouse(duck: Duck, dataDir: string, pcts: [string, string, string] = ['5AA', '5BB', '5CC']): Promise<void> {
  if (!pcts.every((p) => /^[0-9A-Z]{3}$/.test(p))) throw new Error('PCT codes are three letters or digits');
  const PCTS = `[${pcts.map((p) => `'${p}'`).join(', ')}]`;
  const PCT_OF: PctOf = (k) => `${PCTS}[(((${k}) % 36) // 12 + 1)::INTEGER]`;
  await write(duck, dataDir, 'imd', `SELECT 2007 AS imd_year, ${LSOA('i')} AS lsoa01, ${PCT_OF('i')} AS pct_code,
      ${h(20, 800)} / 10.0 AS score, i + 1 AS rank, 1 AS decile, 1 AS quintile, 'imd' AS import_id FROM range(36) t(i)`);
  const bands = `[[0, 0], [1, 4], [5, 9], [10, 14], [15, 19], [20, 24], [25, 29], [30, 34], [35, 39], [40, 44], [45, 49], [50, 54],
    [55, 59], [60, 64], [65, 69], [70, 74], [75, 79], [80, 84], [85, 89], [90, NULL]]`;
  await write(duck, dataDir, 'population', `
    SELECT 2008 AS year, ${LSOA('l')} AS area_code, 'lsoa01' AS area_type, s AS sex, b[1]::VARCHAR AS age_band, b[1] AS age_lower, b[2] AS age_upper,
      (400 + hash(l, s, b[1]) % 300)::DOUBLE AS population, 'pop2008' AS import_id
    FROM range(36) a(l), unnest(['M', 'F']) x(s), unnest(${bands}) y(b)
    UNION ALL
    SELECT 2008, 'E06000099', 'la', s, b[1]::VARCHAR, b[1], b[2], 4000.0, 'pop2008' FROM unnest(['M', 'F']) x(s), unnest(${bands}) y(b)
    UNION ALL
    SELECT 2009, p, 'pct', s, b[1]::VARCHAR, b[1], b[2], (3000 + hash(p, s, b[1]) % 2000)::DOUBLE, 'pop2009'
    FROM unnest(${PCTS}) z(p), unnest(['M', 'F']) x(s), unnest(list_concat([[0, 4]], ${bands}[3:])) y(b)`);
  await write(duck, dataDir, 'apc', `${apc(PCT_OF, '2008-09', '2008-04-01', 6000, 1)} UNION ALL ${apc(PCT_OF, '2009-10', '2009-04-01', 3000, 2)}`);
  await write(duck, dataDir, 'op', `SELECT '2008-09' AS fyear, ${h(11, 96)} AS age, ${sex(12)} AS sex, ${LSOA(`hash(i * 7919 + 15)`)} AS lsoa01,
      ${PCT_OF(`hash(i * 7919 + 15)`)} AS residence_pct, ${h(21, 2)} = 0 AS is_first, ${pick(`['attended', 'attended', 'dna', 'cancelled', 'other']`, 22)} AS attendance_status,
      'op' AS import_id FROM range(5000) t(i)`);
  await write(duck, dataDir, 'ae', `SELECT '2008-09' AS fyear, ${h(11, 96)} AS age, ${sex(12)} AS sex,
      CASE WHEN ${h(14, 25)} = 0 THEN NULL ELSE ${LSOA(`hash(i * 7919 + 15)`)} END AS lsoa01, ${PCT_OF(`hash(i * 7919 + 15)`)} AS residence_pct,
      CASE WHEN ${h(23, 20)} = 0 THEN NULL ELSE 30 + ${h(24, 370)} END AS duration_minutes, 'ae' AS import_id FROM range(4000) t(i)`);
  await write(duck, dataDir, 'deaths', `SELECT 2008 AS year, '2008-09' AS fyear,
      CASE WHEN ${h(25, 60)} = 0 THEN 0 WHEN ${h(25, 60)} = 1 THEN ${h(26, 5)} ELSE least(95, 30 + ${h(27, 50)} + ${h(28, 30)}) END AS age,
      ${pick(`['M', 'F']`, 12)} AS sex, ${pick(`['I219', 'C349', 'J440', 'X700', 'F102', 'I639', 'C189', 'J189', 'Y200', 'G309']`, 29)} AS underlying_cause,
      ${LSOA(`hash(i * 7919 + 15)`)} AS lsoa01, ${PCT_OF(`hash(i * 7919 + 15)`)} AS pct_code, 'deaths' AS import_id FROM range(12000) t(i)`);
  await write(duck, dataDir, 'births', `SELECT 2008 AS year, ${LSOA('l')} AS lsoa01, ${PCT_OF('l')} AS pct_code, s AS sex,
      (5 + hash(l, s) % 10)::INTEGER AS births, 'births' AS import_id FROM range(36) a(l), unnest(['M', 'F']) x(s)`);
  await write(duck, dataDir, 'ons_deaths', `SELECT 2008 AS year, 'E06000099' AS area_code, 'la' AS area_type, s AS sex,
      b[1]::VARCHAR AS age_band, b[1] AS age_lower, b[2] AS age_upper, (1 + hash(s, b[1]) % 40)::INTEGER AS deaths, 'ons' AS import_id
    FROM unnest(['M', 'F']) x(s), unnest(${bands}) y(b)`);
}
