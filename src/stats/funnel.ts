/** Sections 10–12: funnel-plot control limits, significance and chart points (PHEindicatormethods funnels). */
import { byarsLower, byarsUpper } from './byars.ts';
import { chiSquareQuantile, normalQuantile, poissonLowerTail, poissonUpperTail } from './distributions.ts';
import { roundHalfEven } from './sii.ts';

export type FunnelStatistic = 'proportion' | 'ratio' | 'rate';
export interface FunnelRow { numerator: number; denominator: number; rate: number }
export interface FunnelOptions { statistic: FunnelStatistic; ratioType: 'count' | 'isr'; rateType: 'dsr' | 'crude'; multiplier: number; years: number }

/** Denominator used by the funnel: given, or derived from a rate as m·num/rate. */
export function funnelDenominator(r: FunnelRow, o: FunnelOptions): number {
  if (o.statistic !== 'rate') return r.denominator;
  if (r.numerator === 0) return o.rateType === 'dsr' ? NaN : r.denominator;
  return (o.multiplier * r.numerator) / r.rate;
}

const floorSig = (x: number, sig: number) => { if (x <= 0) return 0; const p = 10 ** (Math.floor(Math.log10(x)) - sig + 1); return Math.floor(x / p) * p; };
const ceilSig = (x: number, sig: number) => { if (x <= 0) return 0; const p = 10 ** (Math.floor(Math.log10(x)) - sig + 1); return Math.ceil(x / p) * p; };

/** Proportion limits at population n for one-sided probability p (0.975 or 0.999), as a proportion × m. */
export function proportionLimits(av: number, n: number, p: number, m: number): { low: number; high: number } {
  const z = normalQuantile(p);
  const z2 = z * z;
  const A = av * (n / z2 + 1);
  const k = 1 / z2 + 1 / n;
  const D = Math.sqrt(64 * A * A - 64 * k * av * (n * (av * (n / z2 + 2) - 1) + z2 * (av - 1)));
  return { low: Math.max(0, ((A - D / 8) / k / n) * m), high: Math.min(100, ((A + D / 8) / k / n) * m) };
}

/** Poisson mean λ bounding O observed events at tail probability p, by PHE's bisection. */
export function poissonFunnel(o: number, p: number, side: 'low' | 'high'): number {
  let v = 0.5, dv = 0.5;
  const lambda = () => ((1 + o) * v) / (1 - v);
  while (dv > 1e-7) {
    dv /= 2;
    const decrease = side === 'low' ? poissonUpperTail(o, lambda()) > p : poissonLowerTail(o, lambda()) < p;
    v += decrease ? -dv : dv;
  }
  return lambda();
}

export interface FunnelLimitRow { x: number; population: number; lower2s: number; upper2s: number; lower3s: number; upper3s: number; baseline: number }

/** The 100-row limits table. x is the population (proportion), observed events (ratio) or events (rate). */
export function funnelLimits(rows: readonly FunnelRow[], o: FunnelOptions): FunnelLimitRow[] {
  let sumNum = 0, sumDen = 0, minDen = Infinity, maxDen = -Infinity;
  for (const r of rows) {
    const d = funnelDenominator(r, o);
    if (!Number.isNaN(r.numerator)) sumNum += r.numerator;
    if (!Number.isNaN(d)) { sumDen += d; minDen = Math.min(minDen, d); maxDen = Math.max(maxDen, d); }
  }
  const av = sumNum / sumDen;
  const perYear = o.statistic === 'rate' ? o.years : 1;
  let axisMin = maxDen > 2 * minDen ? 0 : floorSig((0.95 * minDen) / perYear, 1);
  let axisMax = ceilSig((1.05 * maxDen) / perYear, 2);
  if (o.statistic === 'rate') { axisMin = Math.floor(axisMin * av); axisMax = Math.ceil(axisMax * av); }
  const xs: number[] = [Math.max(1, axisMin)];
  for (let j = 2; j <= 100; j++) {
    const prev = xs[j - 2];
    const oo = o.statistic === 'ratio' ? j - 1 : j;
    xs.push(Math.max(roundHalfEven((axisMax / prev) ** (1 / (101 - oo)) * prev), prev + 1));
  }
  return xs.map((x) => {
    if (o.statistic === 'proportion') {
      const two = proportionLimits(av, x, 0.975, o.multiplier), three = proportionLimits(av, x, 0.999, o.multiplier);
      return { x, population: x, lower2s: two.low, upper2s: two.high, lower3s: three.low, upper3s: three.high, baseline: av * o.multiplier };
    }
    const lim = (p: number) => ({ low: poissonFunnel(x, p, 'high'), high: poissonFunnel(x, p, 'low') });
    const l2 = lim(0.025), l3 = lim(0.001);
    if (o.statistic === 'ratio') {
      const f = (v: number) => (o.ratioType === 'count' ? v - 1 : v * 100);
      return { x, population: NaN, lower2s: f(x / l2.low), upper2s: f(x / l2.high), lower3s: f(x / l3.low), upper3s: f(x / l3.high), baseline: o.ratioType === 'count' ? 0 : 100 };
    }
    const rate = (lambda: number) => (x / (lambda / av)) * o.multiplier;
    return { x, population: x / av / o.years, lower2s: rate(l2.low), upper2s: rate(l2.high), lower3s: rate(l3.low), upper3s: rate(l3.high), baseline: av * o.multiplier };
  });
}

export type Significance = 'High (0.001)' | 'High (0.025)' | 'Low (0.001)' | 'Low (0.025)' | 'Not significant' | 'Not applicable for events less than 10 for dsrs';

function lowO(o: number, e: number, c: number): number {
  if (o === 0) return 0;
  if (o < 10) return chiSquareQuantile(1 - (0.5 + c / 2), 2 * o) / 2 / e;
  return byarsLower(o, normalQuantile(0.5 + c / 2)) / e;
}
function highO(o: number, e: number, c: number): number {
  if (o < 10) return chiSquareQuantile(0.5 + c / 2, 2 * o + 2) / 2 / e;
  return byarsUpper(o, normalQuantile(0.5 + c / 2)) / e;
}

/** Significance of every row against the funnel (proportion: av; ratio: 1; rate: weighted average). */
export function funnelSignificance(rows: readonly FunnelRow[], o: FunnelOptions): (Significance | null)[] {
  let sumNum = 0, sumDen = 0;
  const dens = rows.map((r) => funnelDenominator(r, o));
  rows.forEach((r, i) => { if (!Number.isNaN(r.numerator) && !Number.isNaN(dens[i])) { sumNum += r.numerator; sumDen += dens[i]; } });
  const av = sumNum / sumDen;
  return rows.map((r, i) => {
    const num = r.numerator, den = dens[i];
    if (o.statistic === 'rate' && o.rateType === 'dsr' && num < 10) return 'Not applicable for events less than 10 for dsrs';
    if (Number.isNaN(num) || Number.isNaN(den)) return null;
    if (o.statistic === 'proportion') {
      const p = num / den;
      const three = proportionLimits(av, den, 0.999, 1), two = proportionLimits(av, den, 0.975, 1);
      if (p < three.low) return 'Low (0.001)';
      if (p < two.low) return 'Low (0.025)';
      if (p > three.high) return 'High (0.001)';
      if (p > two.high) return 'High (0.025)';
      return 'Not significant';
    }
    const target = o.statistic === 'ratio' ? 1 : av;
    if (target < lowO(num, den, 0.998)) return 'High (0.001)';
    if (target < lowO(num, den, 0.95)) return 'High (0.025)';
    if (target > highO(num, den, 0.998)) return 'Low (0.001)';
    if (target > highO(num, den, 0.95)) return 'Low (0.025)';
    return 'Not significant';
  });
}

/** Chart points for rate funnels: the rate and the per-year denominator it implies. */
export function funnelPoint(r: FunnelRow, o: FunnelOptions): { chart: number; denominatorDerived: number } {
  if (o.rateType === 'dsr') {
    if (!(r.numerator >= 10)) return { chart: NaN, denominatorDerived: NaN };
    return { chart: r.rate, denominatorDerived: (o.multiplier * r.numerator) / r.rate / o.years };
  }
  if (r.numerator === 0) return { chart: r.rate, denominatorDerived: r.denominator / o.years };
  return { chart: r.rate, denominatorDerived: (o.multiplier * r.numerator) / r.rate / o.years };
}
