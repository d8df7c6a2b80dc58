// Programme budgeting analysis: spend per head and per needs-weighted head, and "spend against
// outcome" for a programme across a PCT and its peers, each placed in a quadrant relative to the
// peer medians. Pure.
import type { NeedsWeight } from './programmes.ts';

export interface PopulationCell { ageBand: string; sex: 'male' | 'female'; population: number }

/** Population and needs-weighted population; weights are rescaled so England-like mixes average 1. */
export function weightedPopulation(cells: PopulationCell[], weights: NeedsWeight[]): { population: number; weighted: number } {
  const byBand = new Map(weights.map((w) => [w.ageBand, w]));
  let population = 0, weighted = 0;
  for (const c of cells) {
    const w = byBand.get(c.ageBand);
    if (!w) throw new Error(`no needs weight for age band ${c.ageBand}`);
    population += c.population;
    weighted += c.population * (c.sex === 'male' ? w.male : w.female);
  }
  return { population, weighted };
}

export type Polarity = 'lower-is-better' | 'higher-is-better';
export type Quadrant = 'high-spend-poor-outcome' | 'high-spend-good-outcome' | 'low-spend-poor-outcome' | 'low-spend-good-outcome';

export const quadrantLabels: Record<Quadrant, string> = {
  'high-spend-poor-outcome': 'High spend, poor outcome: review value',
  'high-spend-good-outcome': 'High spend, good outcome',
  'low-spend-poor-outcome': 'Low spend, poor outcome: consider investing',
  'low-spend-good-outcome': 'Low spend, good outcome: learn from',
};

export interface PeerPoint { orgCode: string; spendPerHead: number; outcome: number | null }
export interface PlacedPoint extends PeerPoint { quadrant: Quadrant | null; flagged: boolean }

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Places each organisation against the peer medians of spend per head and of the outcome. */
export function placeInQuadrants(points: PeerPoint[], polarity: Polarity): { spendMedian: number; outcomeMedian: number; points: PlacedPoint[] } {
  const spendMedian = median(points.map((p) => p.spendPerHead));
  const outcomes = points.map((p) => p.outcome).filter((v): v is number => v !== null);
  const outcomeMedian = median(outcomes);
  const placed = points.map((p): PlacedPoint => {
    if (p.outcome === null || !Number.isFinite(outcomeMedian)) return { ...p, quadrant: null, flagged: false };
    const high = p.spendPerHead > spendMedian;
    const good = polarity === 'lower-is-better' ? p.outcome < outcomeMedian : p.outcome > outcomeMedian;
    const quadrant: Quadrant = `${high ? 'high' : 'low'}-spend-${good ? 'good' : 'poor'}-outcome`;
    return { ...p, quadrant, flagged: quadrant === 'high-spend-poor-outcome' || quadrant === 'low-spend-good-outcome' };
  });
  return { spendMedian, outcomeMedian, points: placed };
}
