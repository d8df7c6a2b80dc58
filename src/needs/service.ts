// The rules of the feature, shared by the CLI, the jobs and the routes: train and store a model
// version, score everyone and store the scores and area views, read views and patient lists (each
// patient-level read audited).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudit } from '../platform/audit.ts';
import { withTransaction, type Db } from '../platform/db.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { AppError } from '../platform/errors.ts';
import { openLinkage, fyLabel } from './linkage.ts';
import { trainModel, type TrainOptions } from './train.ts';
import { buildViews, scorePopulation, writeScoresParquet } from './score.ts';
import { loadSegmentation } from './segments.ts';
import { readAreaViews, type AreaViews } from './area-views.ts';
import * as repo from './repo.ts';

export interface NeedsDeps { db: Db; dataDir: string }
export type Progress = (step: string, fraction: number) => void;

export interface RunOptions { tariffFile?: string; memoryLimit?: string; createdBy?: string | null; progress?: Progress }

export async function trainAndStore(deps: NeedsDeps, opts: RunOptions & Omit<TrainOptions, 'progress'> = {}): Promise<repo.ModelRow> {
  const progress = opts.progress ?? (() => undefined);
  progress('linking records', 0.02);
  const link = await openLinkage({ dataDir: deps.dataDir, tariffFile: opts.tariffFile, memoryLimit: opts.memoryLimit });
  try {
    const trained = await trainModel(link, { ...opts, progress });
    progress('storing the model', 0.97);
    return await withTransaction(deps.db, (client) => repo.insertModel(client, trained, opts.createdBy ?? null));
  } catch (error) {
    if (error instanceof Error && /at least three financial years|too few people/.test(error.message)) throw new AppError('invalid', error.message);
    throw error;
  } finally {
    link.close();
  }
}

export interface ScoreResult { runId: string; modelVersion: number; scoreYear: string; people: number; noContactPeople: number; areas: number; scoresFile: string }

export async function scoreAndStore(deps: NeedsDeps, opts: RunOptions & { storeScores?: boolean } = {}): Promise<ScoreResult> {
  const progress = opts.progress ?? (() => undefined);
  const model = await repo.getModel(deps.db);
  if (!model) throw new AppError('invalid', 'There is no risk model yet: train one first (wcc risk train).');
  const seg = loadSegmentation();
  progress('linking records', 0.02);
  const link = await openLinkage({ dataDir: deps.dataDir, tariffFile: opts.tariffFile, memoryLimit: opts.memoryLimit });
  try {
    const scoreFy = link.years[link.years.length - 1]! + 1;
    const scored = await scorePopulation(link, { intercept: model.intercept, features: model.coefficients, lookbackYears: model.lookbackYears },
      { segmentation: seg, scoreFy, progress: (s, f) => progress(s, 0.05 + f * 0.45) });
    progress('building population views', 0.55);
    await buildViews(link, scoreFy);
    const views = await readAreaViews(link.duck, seg, scored.scoreYear, fyLabel(scoreFy - 1));
    const dir = join(deps.dataDir, 'risk');
    mkdirSync(dir, { recursive: true });
    const scoresFile = join(dir, `scores-v${model.version}-${scored.scoreYear}-${Date.now()}.parquet`);
    progress('writing scores', 0.65);
    await writeScoresParquet(link, scoresFile);
    const runId = await withTransaction(deps.db, async (client) => {
      const id = await repo.insertRun(client, { modelId: model.id, scoreYear: scored.scoreYear, people: scored.people, scoresFile, createdBy: opts.createdBy ?? null });
      await repo.insertAreaViews(client, id, views);
      if (opts.storeScores !== false) {
        const result = await link.duck.connection.stream(`SELECT pct_code, person_id, p, tier, segment, age, sex, imd_quintile, emergency_1y, ae_1y,
            bed_days_1y::INTEGER AS bed_days_1y, cost_1y, ltc_count, conditions FROM scores WHERE pct_code IS NOT NULL`);
        const names = result.columnNames();
        let batch: repo.ScoreRow[] = [];
        let done = 0;
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          for (const r of chunk.getRowObjects(names)) {
            batch.push({ ...(r as any), emergency_1y: Number(r.emergency_1y), ae_1y: Number(r.ae_1y), bed_days_1y: Number(r.bed_days_1y), ltc_count: Number(r.ltc_count),
              conditions: (r.conditions as { items: string[] } | null)?.items ?? [] });
          }
          if (batch.length >= 10_000) { await repo.insertScores(client, id, batch); done += batch.length; batch = []; progress('storing scores', 0.7 + 0.28 * (done / Math.max(1, scored.people))); }
        }
        await repo.insertScores(client, id, batch);
      }
      return id;
    });
    progress('done', 1);
    return { runId, modelVersion: model.version, scoreYear: scored.scoreYear, people: scored.people, noContactPeople: scored.noContactPeople, areas: views.length, scoresFile };
  } finally {
    link.close();
  }
}

export async function areaViews(db: Db, area: string): Promise<{ run: repo.RunRow; views: AreaViews }> {
  const run = await repo.latestRun(db);
  if (!run) throw new AppError('not_found', 'No risk scores have been computed yet.');
  const views = await repo.getAreaViews(db, run.id, area);
  if (!views) throw new AppError('not_found', `No population views for ${area} in the latest run.`);
  return { run, views };
}

export interface PatientQuery { segment?: string; tier?: string; minRisk?: number; limit?: number; offset?: number }

export async function listPatients(db: Db, actor: Principal, pctCode: string, q: PatientQuery, exported = false) {
  const run = await repo.latestRun(db);
  if (!run) throw new AppError('not_found', 'No risk scores have been computed yet.');
  const limit = exported ? 100_000 : Math.min(q.limit ?? 50, 500);
  const found = await repo.findPatients(db, { runId: run.id, pctCode, segment: q.segment, tier: q.tier, minRisk: q.minRisk, limit, offset: exported ? 0 : q.offset ?? 0 });
  await withTransaction(db, (client) => recordAudit(client, {
    actor, action: exported ? 'risk.patients.export' : 'risk.patients.view', objectType: 'risk_patient_list', objectId: run.id, orgCode: pctCode,
    after: { filters: { segment: q.segment ?? null, tier: q.tier ?? null, minRisk: q.minRisk ?? null }, rows: found.rows.length, total: found.total, offset: q.offset ?? 0 },
  }));
  const patients = found.rows.map((r) => ({
    pseudonym: String(r.person_id), risk: Number(r.risk), tier: String(r.tier), segment: String(r.segment), age: r.age as number | null,
    sex: r.sex as string | null, imdQuintile: r.imd_quintile as number | null, emergencyAdmissions: Number(r.emergency_1y), aeAttendances: Number(r.ae_1y),
    bedDays: Number(r.bed_days_1y), cost: Number(r.cost_1y), longTermConditions: Number(r.ltc_count), conditions: r.conditions as string[],
  }));
  return { run, total: found.total, patients };
}

export function patientsToCsv(patients: Awaited<ReturnType<typeof listPatients>>['patients']): string {
  const head = 'pseudonym,risk,tier,segment,age,sex,imd_quintile,emergency_admissions_12m,ae_attendances_12m,bed_days_12m,cost_12m,long_term_conditions,conditions';
  const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  return [head, ...patients.map((p) => [p.pseudonym, p.risk.toFixed(4), p.tier, p.segment, p.age, p.sex, p.imdQuintile, p.emergencyAdmissions,
    p.aeAttendances, p.bedDays, p.cost.toFixed(0), p.longTermConditions, p.conditions.join(' ')].map(cell).join(','))].join('\n') + '\n';
}
