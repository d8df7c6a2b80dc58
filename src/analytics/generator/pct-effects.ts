/**
 * The ground truth that makes PCTs genuinely different: a health multiplier (better/worse than
 * England on mortality and emergency admissions), a yearly trend (improving, worsening, flat), a
 * deprivation gradient (steep or shallow), elective and A&E performance. Drawn once per seed.
 * Multipliers are rescaled so the population-weighted England average stays 1, which keeps the
 * national all-cause mortality calibrated to ONS 2014.
 */
import { Rng } from './prng.js';
import type { Pct, SmallArea } from './reference-data.js';

export type HealthClass = 'better' | 'average' | 'worse';
export type TrendClass = 'improving' | 'flat' | 'worsening';
export type GradientClass = 'shallow' | 'typical' | 'steep';

export interface PctEffect {
  pctCode: string; pctIndex: number; shaCode: string;
  healthClass: HealthClass; healthMultiplier: number;
  trendClass: TrendClass; trendPerYear: number;
  gradientClass: GradientClass; deprivationGradient: number;
  electiveMultiplier: number; aeWithin4hShare: number; dnaMultiplier: number;
  /** normalising factor E[exp(g·d)] over England's areas for this PCT's gradient g */
  gradientNorm: number;
}

export const TREND_MID_YEAR = 2006.5;

/** E over England's small areas of exp(g·d); deprivation d is uniform on [-0.5, 0.5]. */
export function gradientNormaliser(g: number): number {
  return Math.abs(g) < 1e-9 ? 1 : (Math.exp(g / 2) - Math.exp(-g / 2)) / g;
}

export function drawPctEffects(seed: number, pcts: Pct[], areas: SmallArea[]): PctEffect[] {
  const rng = new Rng(seed, 0x5eed, 17);
  const effects = pcts.map((p): PctEffect => {
    const u = rng.next();
    const healthClass: HealthClass = u < 0.15 ? 'better' : u > 0.85 ? 'worse' : 'average';
    const base = healthClass === 'better' ? 0.78 : healthClass === 'worse' ? 1.28 : 1;
    const healthMultiplier = base * Math.exp(0.04 * rng.normal());
    const t = rng.next();
    const trendClass: TrendClass = t < 0.2 ? 'improving' : t > 0.9 ? 'worsening' : 'flat';
    const trendPerYear = trendClass === 'improving' ? -0.04 : trendClass === 'worsening' ? 0.025 : 0.004 * rng.normal();
    const gr = rng.next();
    const gradientClass: GradientClass = gr < 0.2 ? 'shallow' : gr > 0.8 ? 'steep' : 'typical';
    const deprivationGradient = gradientClass === 'shallow' ? 0.35 : gradientClass === 'steep' ? 1.7 : 0.95 + 0.1 * rng.normal();
    return {
      pctCode: p.code, pctIndex: p.index, shaCode: p.shaCode, healthClass, healthMultiplier, trendClass, trendPerYear,
      gradientClass, deprivationGradient,
      electiveMultiplier: Math.exp(0.12 * rng.normal()),
      aeWithin4hShare: Math.min(0.99, Math.max(0.9, 0.965 + 0.015 * rng.normal())),
      dnaMultiplier: Math.exp(0.2 * rng.normal()),
      gradientNorm: gradientNormaliser(deprivationGradient),
    };
  });
  // rescale so the England expectation of multiplier x deprivation factor is 1 (areas have equal populations)
  const byCode = new Map(effects.map((e) => [e.pctCode, e]));
  let sum = 0;
  for (const a of areas) {
    const e = byCode.get(a.pctCode)!;
    sum += (e.healthMultiplier * Math.exp(e.deprivationGradient * a.deprivation)) / e.gradientNorm;
  }
  const k = areas.length / sum;
  for (const e of effects) e.healthMultiplier *= k;
  return effects;
}

/** The area-level risk factor for a year: PCT multiplier x trend x deprivation (mean 1 over England). */
export function areaRiskFactor(e: PctEffect, deprivation: number, year: number): number {
  return (e.healthMultiplier * Math.exp(e.trendPerYear * (year - TREND_MID_YEAR)) * Math.exp(e.deprivationGradient * deprivation)) / e.gradientNorm;
}
