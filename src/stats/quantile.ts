/** Section 8 (phe_quantile): assign deprivation-style quantiles within a group. */

/**
 * Quantile (1…nQuantiles) of each value within one group; NaN values stay NaN. With invert the highest
 * value gets quantile 1. The whole group is NA when it has fewer non-NA values than quantiles.
 */
export function assignQuantiles(values: readonly number[], nQuantiles: number, invert: boolean): number[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(i);
  const N = present.length;
  const out = new Array<number>(values.length).fill(NaN);
  if (N < nQuantiles) return out;
  const key = (i: number): number => (invert ? -values[i] : values[i]);
  const order = present.slice().sort((i, j) => key(i) - key(j));
  // ties take the minimum rank
  const rank = new Map<number, number>();
  for (let p = 0; p < N; p++) {
    const i = order[p];
    rank.set(i, p > 0 && key(order[p - 1]) === key(i) ? rank.get(order[p - 1])! : p + 1);
  }
  for (const i of present) {
    const r = rank.get(i)!;
    const q = Math.floor(nQuantiles + 1 - Math.ceil((N + 1 - r) / (N / nQuantiles)));
    out[i] = q === 0 ? 1 : q;
  }
  return out;
}
