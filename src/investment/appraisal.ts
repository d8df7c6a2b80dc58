// Options appraisal arithmetic: swing weights to normalised weights, weighted value scores from agreed
// panel scores, and cost per QALY against the threshold range. Pure.

export interface Criterion { code: string; name: string; swingPoints: number }

/**
 * Swing weighting: the panel ranks the swings from worst to best on each criterion, gives the most
 * important swing 100 points and the others points relative to it; weights are points / total.
 */
export function swingWeights(criteria: Criterion[]): Map<string, number> {
  const total = criteria.reduce((s, c) => s + c.swingPoints, 0);
  if (total <= 0) throw new Error('swing weights need at least one criterion with points');
  return new Map(criteria.map((c) => [c.code, c.swingPoints / total]));
}

/** Weighted value on a 0–100 scale from scores of 0–10 per criterion; missing scores count as null. */
export function weightedValue(weights: Map<string, number>, scores: Map<string, number>): number | null {
  let sum = 0;
  for (const [code, w] of weights) {
    const s = scores.get(code);
    if (s === undefined) return null;
    sum += w * s * 10;
  }
  return sum;
}

export type CostEffectiveness = 'dominant' | 'below-threshold' | 'within-threshold-range' | 'above-threshold' | 'dominated' | 'saving-with-loss';

export const costEffectivenessLabels: Record<CostEffectiveness, string> = {
  dominant: 'Saves money and gains health',
  'below-threshold': 'Below the threshold range',
  'within-threshold-range': 'Within the threshold range',
  'above-threshold': 'Above the threshold range',
  dominated: 'Costs money and loses health',
  'saving-with-loss': 'Saves money, loses some health',
};

/**
 * Cost per QALY (total five-year net cost / QALYs gained) and its place against the threshold range,
 * e.g. £20,000–£30,000. A disinvestment that saves money and loses QALYs is judged by the saving per
 * QALY forgone: worth doing when it saves more than the upper threshold per QALY lost.
 */
export function costPerQaly(totalCost: number, qalys: number, low: number, high: number): { ratio: number | null; band: CostEffectiveness; worthDoing: boolean } {
  if (qalys >= 0 && totalCost <= 0) return { ratio: qalys > 0 ? totalCost / qalys : null, band: 'dominant', worthDoing: true };
  if (qalys <= 0 && totalCost > 0) return { ratio: null, band: 'dominated', worthDoing: false };
  const ratio = totalCost / qalys;
  if (qalys < 0) return { ratio, band: 'saving-with-loss', worthDoing: ratio > high };
  if (ratio < low) return { ratio, band: 'below-threshold', worthDoing: true };
  if (ratio <= high) return { ratio, band: 'within-threshold-range', worthDoing: true };
  return { ratio, band: 'above-threshold', worthDoing: false };
}
