/**
 * Section 4 (calculate_dsr): directly standardised rate with Dobson limits, for independent events and
 * for non-independent events (individuals counted by event frequency).
 */
import { byarsLower, byarsUpper } from './byars.ts';
import { twoSidedZ } from './normal-quantile.ts';

export interface DsrSums {
  /** Σxᵢ (observed events) */
  count: number;
  /** Σnᵢ */
  pop: number;
  /** Σwᵢ */
  stdpop: number;
  /** Σ xᵢ·wᵢ/nᵢ */
  weighted: number;
  /** Σ xᵢ·(wᵢ/nᵢ)² — for non-independent events Σ f²·x_{i,f}·(wᵢ/nᵢ)² */
  variance: number;
}

export interface DsrResult {
  totalCount: number;
  totalPop: number;
  value: number;
  limits: number[];
  note: string;
}

export const DSR_SUPPRESSION_NOTE = 'dsr NA for total count < 10';

/** The DSR and its Dobson limits from per-group sums; value and limits NA when the total count is < 10. */
export function dsrFromSums(s: DsrSums, levels: readonly number[], multiplier = 100000): DsrResult {
  const o = s.count;
  if (!(o >= 10)) {
    return { totalCount: o, totalPop: s.pop, value: NaN, limits: levels.flatMap(() => [NaN, NaN]), note: DSR_SUPPRESSION_NOTE };
  }
  const value = (s.weighted / s.stdpop) * multiplier;
  const v = s.variance / (s.stdpop * s.stdpop);
  const k = Math.sqrt(v / o) * multiplier;
  const limits: number[] = [];
  for (const c of levels) {
    const z = twoSidedZ(c);
    limits.push(value + k * (byarsLower(o, z) - o), value + k * (byarsUpper(o, z) - o));
  }
  return { totalCount: o, totalPop: s.pop, value, limits, note: '' };
}

/** Adds one standardisation category (independent events) to the sums; x NA counts as 0. */
export function addDsrBand(s: DsrSums, x: number, n: number, w: number): void {
  const xx = Number.isNaN(x) ? 0 : x;
  const r = w / n;
  s.count += xx;
  s.pop += n;
  s.stdpop += w;
  s.weighted += xx * r;
  s.variance += xx * r * r;
}

export function emptyDsrSums(): DsrSums {
  return { count: 0, pop: 0, stdpop: 0, weighted: 0, variance: 0 };
}

/**
 * Non-independent events: rows give, per band and event frequency f, the number of individuals with f events.
 * Bands are keyed by their age-band label; n and w must agree between rows of the same band.
 */
export class NonIndependentDsr {
  private readonly bands = new Map<string, { n: number; w: number; events: number; f2x: number }>();

  /** Returns an error reason, or null when the row was added. */
  add(band: string, f: number, x: number, n: number, w: number): string | null {
    const xx = Number.isNaN(x) ? 0 : x;
    const b = this.bands.get(band);
    if (b) {
      if (b.n !== n || b.w !== w) return `age band ${band} has different populations or standard populations in the same group`;
      b.events += f * xx;
      b.f2x += f * f * xx;
    } else {
      this.bands.set(band, { n, w, events: f * xx, f2x: f * f * xx });
    }
    return null;
  }

  sums(): DsrSums {
    const s = emptyDsrSums();
    for (const b of this.bands.values()) {
      const r = b.w / b.n;
      s.count += b.events;
      s.pop += b.n;
      s.stdpop += b.w;
      s.weighted += b.events * r;
      s.variance += b.f2x * r * r;
    }
    return s;
  }
}
