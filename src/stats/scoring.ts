/**
 * Section 20 — assessment scoring: competency levels from sub-criteria, R/A/G roll-up, oversight-style
 * segmentation (NHS Oversight Framework 2025/26: metric scores 1 best … 4 worst, mean score → segment,
 * then overrides such as a finance cap and segment 5 for intensive support), league tables, and
 * Cohen's kappa (unweighted, linear or quadratic weights) for inter-rater agreement.
 */
export type Level = 1 | 2 | 3 | 4;
export type LevelRule = 'median' | 'floor-of-mean' | 'minimum';
export type RagRating = 'red' | 'amber' | 'green';
export type RagRule = 'any-red-all-green' | 'worst';

function checkLevel(x: number, where: string): Level {
  if (!Number.isInteger(x) || x < 1 || x > 4) throw new Error(`${where}: level must be 1, 2, 3 or 4, got ${x}`);
  return x as Level;
}

/** Competency level from sub-criterion levels. An even-sized median takes the lower middle value. */
export function competencyLevel(levels: readonly number[], rule: LevelRule): Level {
  if (levels.length === 0) throw new Error('a competency needs at least one sub-criterion level');
  const xs = levels.map((x, i) => checkLevel(x, `sub-criterion ${i}`)).sort((a, b) => a - b);
  switch (rule) {
    case 'median': return xs[Math.floor((xs.length - 1) / 2)];
    case 'floor-of-mean': return Math.floor(xs.reduce((a, b) => a + b, 0) / xs.length) as Level;
    case 'minimum': return xs[0];
  }
}

/** Area rating from sub-indicator RAGs: any red → red, all green → green, else amber (or simply the worst). */
export function rollUpRag(ratings: readonly RagRating[], rule: RagRule = 'any-red-all-green'): RagRating {
  if (ratings.length === 0) throw new Error('no sub-indicator ratings to roll up');
  if (ratings.includes('red')) return 'red';
  if (rule === 'worst') return ratings.includes('amber') ? 'amber' : 'green';
  return ratings.every((r) => r === 'green') ? 'green' : 'amber';
}

/**
 * Score 1–4 (1 best) for a value against three ascending thresholds: for high-is-good a value at or
 * above t₃ scores 1, at or above t₂ scores 2, at or above t₁ scores 3, else 4; mirrored for low-is-good.
 */
export function scoreMetric(value: number, thresholds: readonly [number, number, number], polarity: 'high-is-good' | 'low-is-good'): Level {
  const [t1, t2, t3] = thresholds;
  if (!(t1 <= t2 && t2 <= t3)) throw new Error(`thresholds must ascend, got ${thresholds.join(', ')}`);
  if (!Number.isFinite(value)) throw new Error('metric value is not a number');
  if (polarity === 'high-is-good') return value >= t3 ? 1 : value >= t2 ? 2 : value >= t1 ? 3 : 4;
  return value <= t1 ? 1 : value <= t2 ? 2 : value <= t3 ? 3 : 4;
}

export interface SegmentInput {
  code: string;
  metricScores: number[];
  /** Finance override: e.g. a planned deficit caps the segment at this value (3 in NOF 2025/26). */
  financeCap?: number | null;
  /** In the intensive support programme → segment 5. */
  intensiveSupport?: boolean;
}
export interface Segmented { code: string; meanScore: number; baseSegment: number; segment: number; overrides: string[]; rank: number }

/**
 * Mean score → segment by cut-points c₁ < c₂ < c₃ (segment 1 if mean ≤ c₁, 2 if ≤ c₂, 3 if ≤ c₃, else 4),
 * then overrides (the finance cap moves a segment down to the cap; intensive support is segment 5).
 * League table: by segment, then mean score (lower is better); equal pairs share a rank (1, 2, 2, 4).
 */
export function segmentOrganisations(orgs: readonly SegmentInput[], cutPoints: readonly [number, number, number]): Segmented[] {
  const [c1, c2, c3] = cutPoints;
  if (!(c1 < c2 && c2 < c3)) throw new Error(`segment cut-points must ascend, got ${cutPoints.join(', ')}`);
  const rows = orgs.map((o) => {
    if (o.metricScores.length === 0) throw new Error(`${o.code}: no metric scores`);
    o.metricScores.forEach((s, i) => {
      if (!(s >= 1 && s <= 4)) throw new Error(`${o.code}: metric score ${i} must lie between 1 and 4, got ${s}`);
    });
    const meanScore = o.metricScores.reduce((a, b) => a + b, 0) / o.metricScores.length;
    const baseSegment = meanScore <= c1 ? 1 : meanScore <= c2 ? 2 : meanScore <= c3 ? 3 : 4;
    let segment = baseSegment;
    const overrides: string[] = [];
    if (o.financeCap != null && segment < o.financeCap) { segment = o.financeCap; overrides.push(`finance cap: segment ${o.financeCap} at best`); }
    if (o.intensiveSupport) { segment = 5; overrides.push('intensive support: segment 5'); }
    return { code: o.code, meanScore, baseSegment, segment, overrides, rank: 0 };
  });
  const sorted = [...rows].sort((a, b) => a.segment - b.segment || a.meanScore - b.meanScore || (a.code < b.code ? -1 : 1));
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    r.rank = prev && prev.segment === r.segment && prev.meanScore === r.meanScore ? prev.rank : i + 1;
  });
  return sorted;
}

export type KappaWeights = 'none' | 'linear' | 'quadratic';
export interface KappaResult { kappa: number; observedAgreement: number; expectedAgreement: number; n: number }

/**
 * Cohen's kappa for two raters over ordered categories: κ = 1 − Σ v·O / Σ v·E with disagreement
 * weights v = 0/1 (none), |i − j|/(k − 1) (linear) or ((i − j)/(k − 1))² (quadratic). Agreements are
 * reported as 1 − weighted disagreement.
 */
export function cohensKappa(pairs: readonly [string | number, string | number][], categories: readonly (string | number)[], weights: KappaWeights = 'none'): KappaResult {
  const k = categories.length;
  if (k < 2) throw new Error('kappa needs at least two categories');
  const index = new Map(categories.map((c, i) => [c, i]));
  if (index.size !== k) throw new Error('kappa categories must be distinct');
  const n = pairs.length;
  if (n === 0) throw new Error('kappa needs at least one rated item');
  const table = categories.map(() => new Array<number>(k).fill(0));
  pairs.forEach(([a, b], row) => {
    const i = index.get(a); const j = index.get(b);
    if (i === undefined || j === undefined) throw new Error(`item ${row}: rating ${i === undefined ? a : b} is not one of the categories`);
    table[i][j] += 1;
  });
  const rowP = table.map((r) => r.reduce((s, x) => s + x, 0) / n);
  const colP = categories.map((_, j) => table.reduce((s, r) => s + r[j], 0) / n);
  const v = (i: number, j: number) => weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) / (k - 1) : ((i - j) / (k - 1)) ** 2;
  let obs = 0; let exp = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) { obs += v(i, j) * table[i][j] / n; exp += v(i, j) * rowP[i] * colP[j]; }
  if (exp === 0) throw new Error('kappa is undefined when both raters use a single category');
  return { kappa: 1 - obs / exp, observedAgreement: 1 - obs, expectedAgreement: 1 - exp, n };
}
