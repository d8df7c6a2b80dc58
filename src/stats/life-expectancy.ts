/** Section 7 (phe_life_expectancy): abridged life table (Chiang II) with Silcocks confidence limits. */
import { twoSidedZ } from './normal-quantile.ts';

export const LE_START_AGES = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] as const;

export interface LifeTableRow {
  startAge: number;
  value: number;
  /** lower, upper per level */
  limits: number[];
  popsUsed: number;
  deathsUsed: number;
  note: string;
}

export interface LifeBand { startAge: number; deaths: number; pops: number }

/** Why the whole group is suppressed (R's warnings), or '' when it can be computed. */
export function lifeTableProblem(bands: readonly LifeBand[]): string {
  if (bands.some((b) => b.deaths < 0)) return 'negative deaths';
  if (bands.some((b) => !(b.pops > 0))) return 'population of zero or less';
  if (bands.length !== LE_START_AGES.length || bands.some((b, i) => b.startAge !== LE_START_AGES[i])) {
    return 'age bands must be 0, 1, 5, 10, …, 85, 90';
  }
  if (bands.some((b) => b.deaths > b.pops)) return 'deaths exceed population';
  if (bands.reduce((t, b) => t + b.pops, 0) <= 5000) return 'total population 5000 or less';
  if (bands.some((b) => Number.isNaN(b.deaths))) return 'missing deaths';
  return '';
}

/**
 * Life expectancy at each start age of one group. `bands` must be sorted by start age. A problem
 * (see lifeTableProblem) makes every value and limit NA; `keepUsed` controls whether pops_used and
 * dths_used are still reported then (R reports them unless every group is invalid).
 */
export function lifeTable(bands: readonly LifeBand[], levels: readonly number[], keepUsed = true): LifeTableRow[] {
  const k = bands.length;
  const popsUsed = new Array<number>(k);
  const deathsUsed = new Array<number>(k);
  for (let i = k - 1, p = 0, d = 0; i >= 0; i--) {
    p += bands[i].pops; d += bands[i].deaths;
    popsUsed[i] = p; deathsUsed[i] = d;
  }
  const problem = lifeTableProblem(bands);
  if (problem) {
    return bands.map((b, i) => ({
      startAge: b.startAge, value: NaN, limits: levels.flatMap(() => [NaN, NaN]),
      popsUsed: keepUsed ? popsUsed[i] : NaN, deathsUsed: keepUsed ? deathsUsed[i] : NaN,
      note: `life expectancy not calculated: ${problem}`,
    }));
  }
  const D = bands.map((b) => b.deaths);
  const P = bands.map((b) => b.pops);
  const M = D.map((d, i) => d / P[i]);
  const n = bands.map((b, i) => (i < k - 1 ? bands[i + 1].startAge - b.startAge : 2 / M[k - 1]));
  const a = bands.map((b) => (b.startAge === 0 ? 0.1 : 0.5));
  const q = M.map((m, i) => {
    if (i === k - 1) return 1;
    return D[i] <= P[i] / n[i] / a[i] ? (m * n[i]) / (1 + m * n[i] * (1 - a[i])) : 1;
  });
  const l = new Array<number>(k + 1);
  l[0] = 100000;
  for (let i = 1; i < k; i++) l[i] = l[i - 1] * (1 - q[i - 1]);
  l[k] = 0;
  const d = q.map((_, i) => l[i] - l[i + 1]);
  const L = q.map((_, i) => (i < k - 1 ? n[i] * (l[i + 1] + a[i] * d[i]) : l[i] / M[i]));
  const T = new Array<number>(k);
  for (let i = k - 1, t = 0; i >= 0; i--) { t += L[i]; T[i] = t; }
  const e = T.map((t, i) => {
    if (l[i] === 0) return 0;
    const v = t / l[i];
    return Number.isFinite(v) ? v : NaN;
  });
  const s2 = q.map((qi, i) => (i < k - 1 ? (d[i] === 0 ? 0 : (qi * qi * (1 - qi)) / D[i]) : 4 / (D[i] * M[i] * M[i])));
  const W = q.map((_, i) => (i < k - 1 ? s2[i] * l[i] ** 2 * ((1 - a[i]) * n[i] + e[i + 1]) ** 2 : (l[i] / 2) ** 2 * s2[i]));
  const zs = levels.map(twoSidedZ);
  const rows: LifeTableRow[] = [];
  let sumW = 0;
  const se = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) { sumW += W[i]; se[i] = Math.sqrt(sumW) / l[i]; }
  for (let i = 0; i < k; i++) {
    const limits: number[] = [];
    for (const z of zs) limits.push(e[i] - z * se[i], e[i] + z * se[i]);
    const wide = 1.959964 * se[i] > 10;
    rows.push({
      startAge: bands[i].startAge, value: wide ? NaN : e[i], limits, popsUsed: popsUsed[i], deathsUsed: deathsUsed[i],
      note: wide ? 'value suppressed: 95% confidence interval wider than 20 years' : '',
    });
  }
  return rows;
}
