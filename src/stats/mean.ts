/** Section 3 (phe_mean): mean with a Student's t confidence interval, accumulated in one pass. */
import { tQuantile } from './distributions.ts';

/** Running sum, count and Welford variance for one group; NA anywhere makes the group NA (R's sum). */
export class MeanAccumulator {
  count = 0;
  sum = 0;
  hasNA = false;
  private mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.count++;
    if (Number.isNaN(x)) { this.hasNA = true; return; }
    this.sum += x;
    const n = this.count;
    const d = x - this.mean;
    this.mean += d / n;
    this.m2 += d * (x - this.mean);
  }

  result(levels: readonly number[]): { valueSum: number; valueCount: number; stdev: number; value: number; limits: number[] } {
    const n = this.count;
    if (this.hasNA) return { valueSum: NaN, valueCount: n, stdev: NaN, value: NaN, limits: levels.flatMap(() => [NaN, NaN]) };
    const stdev = n > 1 ? Math.sqrt(this.m2 / (n - 1)) : NaN;
    const value = this.sum / n;
    const limits: number[] = [];
    for (const c of levels) {
      const half = Math.abs(tQuantile((1 - c) / 2, n - 1)) * stdev / Math.sqrt(n);
      limits.push(value - half, value + half);
    }
    return { valueSum: this.sum, valueCount: n, stdev, value, limits };
  }
}
