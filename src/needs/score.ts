// Scores every person known to services for the next financial year with a trained model, assigns
// segments (rules as data) and national risk tiers, and builds the aggregate views per PCT and England.
import { readFileSync } from 'node:fs';
import { sqlLiteral } from '../analytics/duckdb.ts';
import { buildFeatures, fyLabel, fyStart, type Linkage } from './linkage.ts';
import { featureDefs } from './design.ts';
import { isIdentifier } from './codelists.ts';
import { segmentCase, tierBounds, type SegmentationConfig } from './segments.ts';
import { scoreSelect } from './train.ts';
import { runScript } from './sql-script.ts';

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

/** Builds table `scores` and returns the financial year scored and the number of people. */
export async function scorePopulation(link: Linkage, model: ModelCoefficients, opts: ScoreOptions): Promise<{ scoreYear: string; people: number }> {
  const progress = opts.progress ?? (() => undefined);
  const scoreFy = opts.scoreFy ?? (link.years[link.years.length - 1]! + 1);
  const defs = featureDefs(link.groups);
  const byName = new Map(model.features.map((f) => [f.name, f.coefficient]));
  const missing = defs.filter((d) => !byName.has(d.name)).map((d) => d.name);
  if (missing.length) throw new Error(`the model has no coefficient for ${missing.join(', ')}: retrain it`);
  progress('building features', 0.1);
  await buildFeatures(link, 'score_features', scoreFy, model.lookbackYears);
  progress('scoring', 0.5);
  const flags = link.groups.map((g) => {
    if (!isIdentifier(g.id)) throw new Error(`bad group id ${g.id}`);
    return `list_contains(groups, ${sqlLiteral(g.id)})::INTEGER AS ${g.id}`;
  });
  await link.duck.run(`CREATE OR REPLACE TABLE seg_input AS SELECT *, ${flags.join(', ')} FROM score_features`);
  const params: (string | number)[] = [model.intercept, ...defs.map((d) => byName.get(d.name)!)];
  const allowed = new Set([...SEGMENT_FEATURES, ...link.groups.map((g) => g.id)]);
  const segment = segmentCase(opts.segmentation, allowed, params);
  const bounds = tierBounds(opts.segmentation.tiers);
  const tierCase = `CASE ${bounds.slice(0, -1).map((b) => {
    params.push(b.upTo, b.id);
    return `WHEN rank_fraction < $${params.length - 1} THEN $${params.length}`;
  }).join(' ')} ELSE $${params.push(bounds[bounds.length - 1]!.id)} END`;
  const extra = `person_id, pct_code, lsoa01, sex, age, imd_quintile, emergency_1y, elective_1y, ae_1y, op_2y, bed_days_1y, bed_days_2y,
    cost_1y, ltc_count, list_filter(groups, g -> g <> 'acsc') AS conditions, ${segment} AS segment`;
  await link.duck.run(`CREATE OR REPLACE TABLE scores AS
    WITH s AS (${scoreSelect(defs, 'seg_input', extra)})
    SELECT *, ${tierCase} AS tier FROM (SELECT *, (row_number() OVER (ORDER BY p DESC, person_id) - 1) / count(*) OVER () AS rank_fraction FROM s)`, params);
  const [row] = await link.duck.all<{ n: number }>('SELECT count(*) AS n FROM scores');
  return { scoreYear: fyLabel(scoreFy), people: row?.n ?? 0 };
}

/** Builds the view tables (pyramid, concentration, high-cost group, opportunity) for the scored year. */
export async function buildViews(link: Linkage, scoreFy: number): Promise<void> {
  await runScript(link.duck, POPULATION_SQL, { year: scoreFy - 1 });
  await runScript(link.duck, VIEWS_SQL);
  await runScript(link.duck, OPPORTUNITY_SQL, { from: fyStart(scoreFy - 1), to: fyStart(scoreFy) });
}

export async function writeScoresParquet(link: Linkage, file: string): Promise<void> {
  await link.duck.run(`COPY (SELECT * EXCLUDE (rank_fraction) FROM scores ORDER BY pct_code, p DESC) TO ${sqlLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`);
}
