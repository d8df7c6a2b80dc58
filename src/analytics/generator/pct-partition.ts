/**
 * Splits the PCTs (in their generation order) into contiguous ranges for parallel workers, balanced by
 * population rather than PCT count: every small area starts with the same number of people, so a PCT's
 * population is proportional to its small-area count (Birmingham's thirds ≈ 210 areas, Isles of Scilly
 * part of Cornwall's 327, City & Hackney 142 …).
 */
import type { ReferenceData } from './reference-data.js';

export type PctRange = [number, number];

/** Contiguous PCT index ranges [lo, hi) covering every PCT; at most `parts` (never an empty range). */
export function partitionPcts(ref: Pick<ReferenceData, 'pcts' | 'areas'>, parts: number): PctRange[] {
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`parts must be a whole number >= 1, got ${parts}`);
  const n = ref.pcts.length;
  const k = Math.min(parts, n);
  const weight = new Array<number>(n).fill(0);
  const index = new Map(ref.pcts.map((p, i) => [p.code, i]));
  for (const a of ref.areas) weight[index.get(a.pctCode)!]++;
  const total = weight.reduce((s, w) => s + w, 0);
  const ranges: PctRange[] = [];
  let lo = 0;
  let cum = 0;
  for (let part = 1; part < k; part++) {
    const target = (total * part) / k;
    let hi = lo;
    // take PCTs while the cut stays closer to the target than the next PCT would put it; leave one PCT for each later part
    while (hi < n - (k - part) && (hi === lo || Math.abs(cum + weight[hi] - target) <= Math.abs(cum - target))) cum += weight[hi++];
    ranges.push([lo, hi]);
    lo = hi;
  }
  ranges.push([lo, n]);
  return ranges;
}
