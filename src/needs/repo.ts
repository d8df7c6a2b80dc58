// PostgreSQL access for risk models, scoring runs, person scores and area views.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import type { TrainedModel } from './train.ts';
import type { AreaViews } from './area-views.ts';

export interface ModelRow {
  id: string; version: number; trainYear: string; testYear: string; lookbackYears: number; lambda: number; intercept: number;
  coefficients: { name: string; label: string; coefficient: number }[]; performance: TrainedModel['performance'];
  trainPeople: number; trainRowsUsed: number; details: Record<string, unknown>; createdBy: string | null; createdAt: string;
}

const toModel = (r: any): ModelRow => ({
  id: r.id, version: r.version, trainYear: r.train_year, testYear: r.test_year, lookbackYears: r.lookback_years, lambda: r.lambda,
  intercept: r.intercept, coefficients: r.coefficients, performance: r.performance, trainPeople: r.train_people,
  trainRowsUsed: r.train_rows_used, details: r.details, createdBy: r.created_by, createdAt: r.created_at.toISOString(),
});

export async function insertModel(client: pg.ClientBase, m: TrainedModel, createdBy: string | null): Promise<ModelRow> {
  await client.query('LOCK TABLE risk_models IN EXCLUSIVE MODE');
  const { rows } = await client.query(
    `INSERT INTO risk_models (version, train_year, test_year, lookback_years, lambda, intercept, coefficients, performance,
       train_people, train_rows_used, details, created_by)
     VALUES ((SELECT coalesce(max(version), 0) + 1 FROM risk_models), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [m.trainYear, m.testYear, m.lookbackYears, m.lambda, m.intercept, JSON.stringify(m.features), JSON.stringify(m.performance),
      m.trainPeople, m.trainRowsUsed, JSON.stringify({ iterations: m.iterations, converged: m.converged, timings: m.timings, testPeople: m.testPeople, testRowsUsed: m.testRowsUsed }), createdBy],
  );
  return toModel(rows[0]);
}

export async function listModels(db: Db): Promise<ModelRow[]> {
  const { rows } = await db.query('SELECT * FROM risk_models ORDER BY version DESC');
  return rows.map(toModel);
}

export async function getModel(db: Db, version?: number): Promise<ModelRow | null> {
  const { rows } = version === undefined
    ? await db.query('SELECT * FROM risk_models ORDER BY version DESC LIMIT 1')
    : await db.query('SELECT * FROM risk_models WHERE version = $1', [version]);
  return rows[0] ? toModel(rows[0]) : null;
}

export interface RunRow { id: string; modelId: string; modelVersion: number; scoreYear: string; people: number; createdAt: string }

export async function insertRun(client: pg.ClientBase, r: { modelId: string; scoreYear: string; people: number; scoresFile: string | null; createdBy: string | null }): Promise<string> {
  const { rows } = await client.query(
    'INSERT INTO risk_score_runs (model_id, score_year, people, scores_file, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [r.modelId, r.scoreYear, r.people, r.scoresFile, r.createdBy]);
  return rows[0].id;
}

export async function latestRun(db: Db): Promise<RunRow | null> {
  const { rows } = await db.query(
    `SELECT r.*, m.version FROM risk_score_runs r JOIN risk_models m ON m.id = r.model_id ORDER BY r.created_at DESC LIMIT 1`);
  const r = rows[0];
  return r ? { id: r.id, modelId: r.model_id, modelVersion: r.version, scoreYear: r.score_year, people: r.people, createdAt: r.created_at.toISOString() } : null;
}

export interface ScoreRow {
  pct_code: string; person_id: string; p: number; tier: string; segment: string; age: number | null; sex: string | null;
  imd_quintile: number | null; emergency_1y: number; ae_1y: number; bed_days_1y: number; cost_1y: number; ltc_count: number; conditions: string[];
}

/** Inserts a batch of scores with one statement (arrays unnested by PostgreSQL). */
export async function insertScores(client: pg.ClientBase, runId: string, rows: ScoreRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof ScoreRow>(k: K) => rows.map((r) => r[k]);
  await client.query(
    `INSERT INTO risk_scores (run_id, pct_code, person_id, risk, tier, segment, age, sex, imd_quintile, emergency_1y, ae_1y, bed_days_1y, cost_1y, ltc_count, conditions)
     SELECT $1, pct, pid, risk, tier, seg, age, sex, q, e, ae, bd, cost, ltc, CASE WHEN c = '' THEN '{}'::text[] ELSE string_to_array(c, '|') END
       FROM unnest($2::text[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::int2[], $8::text[], $9::int2[],
                   $10::int4[], $11::int4[], $12::int4[], $13::float8[], $14::int2[], $15::text[])
            AS t(pct, pid, risk, tier, seg, age, sex, q, e, ae, bd, cost, ltc, c)`,
    [runId, col('pct_code'), col('person_id'), col('p'), col('tier'), col('segment'), col('age'), col('sex'), col('imd_quintile'),
      col('emergency_1y'), col('ae_1y'), col('bed_days_1y'), col('cost_1y'), col('ltc_count'), rows.map((r) => r.conditions.join('|'))]);
}

export async function insertAreaViews(client: pg.ClientBase, runId: string, views: AreaViews[]): Promise<void> {
  for (const v of views) {
    await client.query('INSERT INTO risk_area_views (run_id, area_code, views) VALUES ($1, $2, $3)', [runId, v.area, JSON.stringify(v)]);
  }
}

export async function getAreaViews(db: Db, runId: string, area: string): Promise<AreaViews | null> {
  const { rows } = await db.query('SELECT views FROM risk_area_views WHERE run_id = $1 AND area_code = $2', [runId, area]);
  return rows[0]?.views ?? null;
}

export interface PatientFilter { runId: string; pctCode: string; segment?: string; tier?: string; minRisk?: number; limit: number; offset: number }

export async function findPatients(db: Db, f: PatientFilter): Promise<{ rows: any[]; total: number }> {
  const where = `run_id = $1 AND pct_code = $2 AND ($3::text IS NULL OR segment = $3) AND ($4::text IS NULL OR tier = $4) AND risk >= $5`;
  const params = [f.runId, f.pctCode, f.segment ?? null, f.tier ?? null, f.minRisk ?? 0];
  const { rows } = await db.query(`SELECT * FROM risk_scores WHERE ${where} ORDER BY risk DESC, person_id LIMIT $6 OFFSET $7`, [...params, f.limit, f.offset]);
  const { rows: [c] } = await db.query(`SELECT count(*)::int AS n FROM risk_scores WHERE ${where}`, params);
  return { rows, total: c.n };
}
