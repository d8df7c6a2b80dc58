// Progress of one chosen outcome, pure: the latest value after the baseline against that year's
// milestone (judged with its confidence interval), the SPC assurance of the target, and a projection.
import { assessProgress, type TrajectoryStatus } from '../stats/targets.ts';
import { calculateXmr, type AssuranceType } from '../stats/spc.ts';
import { weightedSlope } from '../stats/trend.ts';
import { periodYear, type CataloguePolarity, type StoredValue } from './model-types.ts';
import type { ChoiceRow } from './selection-repo.ts';

export interface OutcomeProgress {
  indicatorId: string; latestPeriod: string | null; latestValue: number | null; lower95: number | null; upper95: number | null;
  yearOfTrajectory: number | null; milestone: number | null; status: TrajectoryStatus; assurance: AssuranceType | null;
  projectedFinal: number | null; projectedToMeetTarget: boolean | null; targetValue: number; finalPeriodYear: number;
}

const PROJECTION_POINTS = 5;

/** Straight-line projection from up to the last five points (equal weights) to a year. */
export function project(points: { year: number; value: number }[], toYear: number): number | null {
  const last = points.slice(-PROJECTION_POINTS);
  if (last.length < 3) return null;
  const t = last.map((p) => p.year), y = last.map((p) => p.value);
  const { slope } = weightedSlope(t, y, t.map(() => 1));
  const tm = t.reduce((a, b) => a + b, 0) / t.length, ym = y.reduce((a, b) => a + b, 0) / y.length;
  return ym + slope * (toYear - tm);
}

export function progressOf(choice: ChoiceRow, polarity: CataloguePolarity, series: StoredValue[]): OutcomeProgress {
  const good = polarity === 'higher-is-better' ? 'high-is-good' : 'low-is-good';
  const baseYear = periodYear(choice.baselinePeriod);
  const years = choice.milestones.length - 1;
  const ordered = series.filter((v) => v.value !== null).sort((a, b) => periodYear(a.period) - periodYear(b.period));
  const latest = ordered.filter((v) => periodYear(v.period) > baseYear).at(-1) ?? null;
  const base: OutcomeProgress = {
    indicatorId: choice.indicatorId, latestPeriod: latest?.period ?? null, latestValue: latest?.value ?? null,
    lower95: latest?.lower95 ?? null, upper95: latest?.upper95 ?? null, yearOfTrajectory: null, milestone: null,
    status: 'not-assessed', assurance: null, projectedFinal: null, projectedToMeetTarget: null, targetValue: choice.targetValue,
    finalPeriodYear: baseYear + years,
  };
  const spc = ordered.length >= 2 ? calculateXmr(ordered.map((v) => v.value!), { polarity: good, target: choice.targetValue }) : null;
  const lastPoint = spc?.points.at(-1);
  const projected = project(ordered.map((v) => ({ year: periodYear(v.period), value: v.value! })), baseYear + years);
  base.projectedFinal = projected;
  base.projectedToMeetTarget = projected === null ? null : good === 'high-is-good' ? projected >= choice.targetValue : projected <= choice.targetValue;
  base.assurance = spc?.assurance ?? null;
  if (!latest) return base;
  const t = Math.min(periodYear(latest.period) - baseYear, years);
  const milestone = choice.milestones[t];
  const judged = assessProgress({
    latest: { value: latest.value!, lower: latest.lower95, upper: latest.upper95 }, milestone, polarity: good, target: choice.targetValue,
    spcLimits: lastPoint ? { lower: lastPoint.lowerLimit, upper: lastPoint.upperLimit } : null,
  });
  return { ...base, yearOfTrajectory: t, milestone, status: judged.status, assurance: judged.assurance };
}
