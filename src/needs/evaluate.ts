// The model's performance on the held-out year, beside the baseline (prior-year emergency admissions),
// overall and by sex, age band and deprivation quintile; counts below 5 are suppressed in the groups.
import { auroc, calibration, orderByScore, topShares, type Auroc, type CalibrationBin, type TopShare } from './metrics.ts';

export interface ScoreSummary { auroc: Auroc; top: TopShare[]; brier: number; observed: number; expected: number }
export interface GroupPerformance {
  dimension: 'sex' | 'age_band' | 'imd_quintile'; group: string; people: number | null; events: number | null;
  observedRate: number | null; meanPredicted: number | null; auroc: Auroc | null;
  /** PPV and sensitivity among this group's people inside the overall top 5%. */
  ppvTop5: number | null; sensitivityTop5: number | null; shareInTop5: number | null; suppressed: boolean;
}
export interface Performance {
  people: number; events: number; prevalence: number;
  model: ScoreSummary; baseline: ScoreSummary; calibration: CalibrationBin[]; fairness: GroupPerformance[];
}

export interface EvaluationInput {
  predicted: Float64Array; y: Float64Array; baseline: Float64Array;
  sex: Float64Array; age: Float64Array; imdQuintile: Float64Array;
}

export const SUPPRESS_BELOW = 5;
export const AGE_BANDS: [string, number, number][] = [['0-17', 0, 17], ['18-44', 18, 44], ['45-64', 45, 64], ['65-74', 65, 74], ['75-84', 75, 84], ['85+', 85, 200]];

function summary(score: Float64Array, y: Float64Array, order: Uint32Array, probabilities: boolean): ScoreSummary {
  let brier = 0, observed = 0, expected = 0;
  for (let i = 0; i < y.length; i++) {
    observed += y[i]!;
    if (probabilities) { brier += (score[i]! - y[i]!) ** 2; expected += score[i]!; }
  }
  return { auroc: auroc(score, y, order), top: topShares(score, y, [0.5, 1, 5], order), brier: probabilities ? brier / y.length : NaN, observed, expected: probabilities ? expected : NaN };
}

function groupOf(dimension: GroupPerformance['dimension'], input: EvaluationInput, i: number): string {
  if (dimension === 'sex') return input.sex[i] === 1 ? 'Male' : input.sex[i] === 2 ? 'Female' : 'Unknown';
  if (dimension === 'imd_quintile') return Number.isNaN(input.imdQuintile[i]!) ? 'Unknown' : `Q${input.imdQuintile[i]}${input.imdQuintile[i] === 1 ? ' (most deprived)' : input.imdQuintile[i] === 5 ? ' (least deprived)' : ''}`;
  const a = input.age[i]!;
  return AGE_BANDS.find(([, lo, hi]) => a >= lo && a <= hi)?.[0] ?? 'Unknown';
}

export function evaluate(input: EvaluationInput): Performance {
  const { predicted, y, baseline } = input;
  const n = y.length;
  const order = orderByScore(predicted);
  // Baseline ties are broken by row order, which is arbitrary with respect to the outcome.
  const baseOrder = orderByScore(baseline);
  const model = summary(predicted, y, order, true);
  const base = summary(baseline, y, baseOrder, false);
  const inTop5 = new Uint8Array(n);
  const k5 = Math.max(1, Math.ceil(n * 0.05));
  for (let i = 0; i < k5 && i < n; i++) inTop5[order[i]!] = 1;
  const fairness: GroupPerformance[] = [];
  for (const dimension of ['sex', 'age_band', 'imd_quintile'] as const) {
    const members = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const g = groupOf(dimension, input, i);
      (members.get(g) ?? members.set(g, []).get(g)!).push(i);
    }
    for (const [group, rows] of [...members].sort(([a], [b]) => a.localeCompare(b))) {
      const p = Float64Array.from(rows, (i) => predicted[i]!);
      const yy = Float64Array.from(rows, (i) => y[i]!);
      const events = yy.reduce((s, v) => s + v, 0);
      const top = rows.filter((i) => inTop5[i]);
      const topEvents = top.reduce((s, i) => s + y[i]!, 0);
      const suppressed = rows.length < SUPPRESS_BELOW || events < SUPPRESS_BELOW;
      fairness.push({
        dimension, group, suppressed,
        people: rows.length < SUPPRESS_BELOW ? null : rows.length,
        events: suppressed ? null : events,
        observedRate: suppressed ? null : events / rows.length,
        meanPredicted: suppressed ? null : p.reduce((s, v) => s + v, 0) / rows.length,
        auroc: suppressed || events === rows.length ? null : auroc(p, yy),
        ppvTop5: suppressed || top.length < SUPPRESS_BELOW ? null : topEvents / top.length,
        sensitivityTop5: suppressed ? null : topEvents / events,
        shareInTop5: suppressed ? null : top.length / rows.length,
      });
    }
  }
  return { people: n, events: model.observed, prevalence: model.observed / n, model, baseline: base, calibration: calibration(predicted, y, 10, order), fairness };
}
