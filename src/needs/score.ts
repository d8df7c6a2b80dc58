// Scores every person known to services for the next financial year with a trained model, assigns
// segments (rules as data) and national risk tiers, and builds the aggregate views per PCT and England.
import { readFileSync } from 'node:fs';
import { sqlLiteral } from '../analytics/duckdb.ts';
import { buildFeatures, fyLabel, fyStart, type Linkage } from './linkage.ts';
import { featureDefs } from './design.ts';
import { isIdentifier } from './codelists.ts';
import { segmentCase, type SegmentationConfig } from './segments.ts';
import { assignTiers, riskBucket } from './tiers.ts';
import { scoreSelect } from './train.ts';
import { runScript } from './sql-script.ts';
import { buildPeerTable } from './peers.ts';

const POPULATION_SQL = readFileSync(new URL('./population.sql', import.meta.url), 'utf8');
const VIEWS_SQL = readFileSync(new URL('./views.sql', import.meta.url), 'utf8');
const OPPORTUNITY_SQL = readFileSync(new URL('./opportunity.sql', import.meta.url), 'utf8');

export interface ModelCoefficients { intercept: number; features: { name: string; coefficient: number }[]; lookbackYears: number }

/** Columns the segmentation rules may use. */
export const SEGMENT_FEATURES = ['age', 'ltc_count', 'acsc_2y', 'emergency_1y', 'emergency_2y', 'elective_1y', 'elective_2y', 'maternity_1y',
  'ae_1y', 'ae_2y', 'op_2y', 'bed_days_2y', 'cost_1y', 'cost_2y', 'days_since_emergency', 'died_next_12m'];

export interface ScoreOptions {
  /** The financial year predicted (default: the one after the latest in the data). */
  scoreFy?: number;
  segmentation: SegmentationConfig;
  progress?: (step: string, fraction: number) => void;
}

/**
 * Builds table `scores` (everyone known to services, with segment and national tier) and
 * `no_contact_tiers` (the people the population estimates know but services do not, by PCT × sex ×
 * age band × deprivation quintile, scored as "no prior activity"), and returns the financial year
 * scored and the numbers of people.
 */
export async function scorePopulation(link: Linkage, model: ModelCoefficients, opts: ScoreOptions): Promise<{ scoreYear: string; people: number; noContactPeople: number }> {
  const progress = opts.progress ?? (() => undefined);
  const scoreFy = opts.scoreFy ?? (link.years[link.years.length - 1]! + 1);
  const defs = featureDefs(link.groups);
  const byName = new Map(model.features.map((f) => [f.name, f.coefficient]));
  const missing = defs.filter((d) => !byName.has(d.name)).map((d) => d.name);
  if (missing.length) throw new Error(`the model has no coefficient for ${missing.join(', ')}: retrain it`);
  progress('building features', 0.1);
  await buildFeatures(link, 'score_features', scoreFy, model.lookbackYears);
  await runScript(link.duck, POPULATION_SQL, { year: scoreFy - 1 });
  progress('scoring', 0.5);
  const flags = link.groups.map((g) => {
    if (!isIdentifier(g.id)) throw new Error(`bad group id ${g.id}`);
    return `list_contains(groups, ${sqlLiteral(g.id)})::INTEGER AS ${g.id}`;
  });
  const params: (string | number)[] = [model.intercept, ...defs.map((d) => byName.get(d.name)!)];
  const allowed = new Set([...SEGMENT_FEATURES, ...link.groups.map((g) => g.id)]);
  const segment = segmentCase(opts.segmentation, allowed, params);
  const extra = `person_id, pct_code, lsoa01, sex, age, imd_quintile, emergency_1y, elective_1y, ae_1y, op_2y, bed_days_1y, bed_days_2y,
    cost_1y, ltc_count, list_filter(groups, g -> g <> 'acsc') AS conditions, ${segment} AS segment`;
  await link.duck.run(`CREATE OR REPLACE TABLE scored AS
    SELECT *, ${riskBucket('p')} AS b FROM (${scoreSelect(defs, `(SELECT *, ${flags.join(', ')} FROM score_features)`, extra)})`, params);
  await link.duck.run('DROP TABLE score_features');
  progress('scoring people with no contact', 0.7);
  await scoreNoContact(link, defs, flags, segment, params);
  progress('national risk tiers', 0.8);
  await assignTiers(link.duck, opts.segmentation.tiers);
  await link.duck.run('DROP TABLE scored');
  const [row] = await link.duck.all<{ n: number; nc: number }>('SELECT (SELECT count(*) FROM scores) AS n, (SELECT coalesce(sum(people), 0) FROM no_contact_tiers) AS nc');
  return { scoreYear: fyLabel(scoreFy), people: Number(row?.n ?? 0), noContactPeople: Number(row?.nc ?? 0) };
}

/**
 * The population of each PCT × sex × 5-year age band × deprivation quintile minus the people known to
 * services in it (never below zero): scored by the same model with every activity and condition
 * feature at zero (the "no prior activity" stratum), averaging the risk over the single years of the
 * band (ages spread evenly), and segmented by the same rules at the band's lowest age.
 */
async function scoreNoContact(link: Linkage, defs: ReturnType<typeof featureDefs>, flags: string[], segment: string, params: (string | number)[]): Promise<void> {
  await link.duck.run(`CREATE OR REPLACE TABLE no_contact_base AS
    WITH known AS (
      SELECT pct_code, sex, least(90, floor(age / 5) * 5)::INTEGER AS age_lower, imd_quintile, count(*) AS n
        FROM scored WHERE pct_code IS NOT NULL AND sex IN ('M', 'F') AND age IS NOT NULL GROUP BY ALL
    ), s AS (
      SELECT s.pct_code, s.sex, s.age_lower, s.imd_quintile, round(greatest(0, s.people - coalesce(k.n, 0)))::BIGINT AS people
        FROM stratum_population s LEFT JOIN known k ON k.pct_code = s.pct_code AND k.sex = s.sex AND k.age_lower = s.age_lower
             AND k.imd_quintile IS NOT DISTINCT FROM s.imd_quintile
    )
    SELECT concat_ws('|', pct_code, sex, age_lower, coalesce(imd_quintile::VARCHAR, '-')) AS stratum, * FROM s WHERE people > 0`);
  const zero = `0 AS emergency_1y, 0 AS emergency_2y, 0 AS elective_1y, 0 AS elective_2y, 0 AS maternity_1y, 0 AS ae_1y, 0 AS ae_2y,
    0 AS op_2y, 0 AS dna_2y, 0 AS bed_days_1y, 0 AS bed_days_2y, 0 AS emergency_bed_days_2y, 0.0 AS cost_1y, 0.0 AS cost_2y,
    9999 AS days_since_emergency, 0 AS ltc_count, 0 AS acsc_2y, CAST([] AS VARCHAR[]) AS groups, CAST(NULL AS INTEGER) AS died_next_12m`;
  const ages = `(SELECT n.*, (n.age_lower + a.i)::INTEGER AS age, a.i AS offset_in_band, ${zero} FROM no_contact_base n, range(5) a(i))`;
  await link.duck.run(`CREATE OR REPLACE TABLE no_contact AS
    SELECT *, ${riskBucket('p')} AS b FROM (
      SELECT stratum, any_value(pct_code) AS pct_code, any_value(sex) AS sex, any_value(age_lower) AS age_lower,
             any_value(imd_quintile) AS imd_quintile, any_value(people) AS people, avg(p) AS p, arg_min(segment, offset_in_band) AS segment
        FROM (${scoreSelect(defs, `(SELECT *, ${flags.join(', ')} FROM ${ages})`, `stratum, pct_code, sex, age_lower, imd_quintile, people, offset_in_band, ${segment} AS segment`)})
       GROUP BY stratum)`, params);
  await link.duck.run('DROP TABLE no_contact_base');
}

/** Builds the view tables (pyramid, concentration, high-cost group, opportunity) for the scored year. */
export async function buildViews(link: Linkage, scoreFy: number): Promise<void> {
  await runScript(link.duck, VIEWS_SQL);
  await buildPeerTable(link.duck);
  await runScript(link.duck, OPPORTUNITY_SQL, { from: fyStart(scoreFy - 1), to: fyStart(scoreFy) });
}

/** Streams the people's scores to `file` (unsorted: no national sort) and the no-contact strata beside it (`…-no-contact.parquet`). */
export async function writeScoresParquet(link: Linkage, file: string): Promise<void> {
  await link.duck.run(`COPY scores TO ${sqlLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`);
  await link.duck.run(`COPY no_contact_tiers TO ${sqlLiteral(file.replace(/\.parquet$/, '') + '-no-contact.parquet')} (FORMAT parquet, COMPRESSION zstd)`);
}
