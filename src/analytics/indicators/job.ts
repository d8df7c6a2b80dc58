// The `indicators.compute` job: the same service as the CLI, reporting progress into the job row.
import type { JobHandler } from '../../platform/jobs.ts';
import { computeIndicators } from './service.ts';

export const COMPUTE_JOB = 'indicators.compute';

export function computeJobHandler(dataDir: string): JobHandler {
  return async ({ payload, db, progress }) => {
    const p = payload as { indicator?: string; year?: number; force?: boolean; computedBy?: string };
    const s = await computeIndicators({ db, dataDir }, p, (done, total, message) => progress(done, total, message));
    return { computed: s.computed.length, skipped: s.skipped, seconds: Math.round(s.totalMs) / 1000 };
  };
}
