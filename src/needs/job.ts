// The risk.train and risk.score jobs: the same service as the CLI, reporting progress into the job row.
import type { JobHandler } from '../platform/jobs.ts';
import { scoreAndStore, trainAndStore } from './service.ts';

export const TRAIN_JOB = 'risk.train';
export const SCORE_JOB = 'risk.score';

export function trainJobHandler(dataDir: string): JobHandler {
  return async ({ payload, db, progress }) => {
    const p = payload as { testYear?: number; lambda?: number; createdBy?: string };
    const m = await trainAndStore({ db, dataDir }, { testFy: p.testYear, lambda: p.lambda, createdBy: p.createdBy ?? null,
      progress: (step, f) => { void progress(Math.round(f * 100), 100, step); } });
    return { version: m.version, auroc: m.performance.model.auroc.value, baselineAuroc: m.performance.baseline.auroc.value };
  };
}

export function scoreJobHandler(dataDir: string): JobHandler {
  return async ({ payload, db, progress }) => {
    const p = payload as { createdBy?: string };
    const r = await scoreAndStore({ db, dataDir }, { createdBy: p.createdBy ?? null, progress: (step, f) => { void progress(Math.round(f * 100), 100, step); } });
    return r;
  };
}
