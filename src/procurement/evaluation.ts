// Evaluation arithmetic of a mini-competition: the requirement's weights, price scored by formula
// (lowest price / bid price × price weight), quality from moderated 0–5 scores, ranking, the standstill
// period and a KPI's RAG. Pure: no I/O, no clock.

export interface Criterion {
  key: string;
  title: string;
  /** Percentage points of the total; the criteria's weights add up to the quality weight. */
  weight: number;
}

export const MAX_CRITERION_SCORE = 5;
export const STANDSTILL_DAYS = 10;

/** Problems with a requirement's weights, empty when it is sound. */
export function checkWeights(qualityWeight: number, criteria: Criterion[]): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(qualityWeight) || qualityWeight < 0 || qualityWeight > 100) problems.push('the quality weight must be a whole number from 0 to 100');
  if (qualityWeight > 0 && criteria.length === 0) problems.push('a quality weight needs at least one quality criterion');
  const keys = new Set<string>();
  for (const c of criteria) {
    if (keys.has(c.key)) problems.push(`criterion "${c.key}" appears twice`);
    keys.add(c.key);
    if (!(c.weight > 0)) problems.push(`criterion "${c.key}" needs a positive weight`);
  }
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (criteria.length > 0 && Math.abs(sum - qualityWeight) > 1e-9) {
    problems.push(`the criteria's weights add up to ${sum}, not the quality weight ${qualityWeight}`);
  }
  return problems;
}

/** Price score: lowest price / this price × price weight. */
export function priceScore(price: number, lowestPrice: number, priceWeight: number): number {
  if (!(price > 0) || !(lowestPrice > 0)) throw new RangeError('prices must be positive');
  return (lowestPrice / price) * priceWeight;
}

/** Quality score: each criterion's 0–5 score as a share of its weight. */
export function qualityScore(criteria: Criterion[], scores: Record<string, number>): number {
  return criteria.reduce((sum, c) => {
    const s = scores[c.key];
    if (s === undefined) throw new RangeError(`no score for criterion "${c.key}"`);
    return sum + (s / MAX_CRITERION_SCORE) * c.weight;
  }, 0);
}

export interface BidForRanking {
  supplierId: string;
  price: number;
  scores: Record<string, number>;
}

export interface RankedBid {
  supplierId: string;
  price: number;
  quality: number;
  priceScore: number;
  total: number;
  rank: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Ranks bids by total (quality + price), ties broken by the lower price, then supplier id. */
export function rankBids(qualityWeight: number, criteria: Criterion[], bids: BidForRanking[]): RankedBid[] {
  if (bids.length === 0) return [];
  const lowest = Math.min(...bids.map((b) => b.price));
  const priceWeight = 100 - qualityWeight;
  const scored = bids.map((b) => {
    const quality = qualityScore(criteria, b.scores);
    const p = priceScore(b.price, lowest, priceWeight);
    return { supplierId: b.supplierId, price: b.price, quality: round2(quality), priceScore: round2(p), total: round2(quality + p), rank: 0 };
  });
  scored.sort((a, b) => b.total - a.total || a.price - b.price || a.supplierId.localeCompare(b.supplierId));
  scored.forEach((s, i) => { s.rank = i + 1; });
  return scored;
}

/** The end of the standstill period: 10 calendar days after the notice, at the same time of day. */
export function standstillEnds(noticeAt: Date, days = STANDSTILL_DAYS): Date {
  return new Date(noticeAt.getTime() + days * 24 * 60 * 60 * 1000);
}

export type Rag = 'red' | 'amber' | 'green';

/** Green when the target is met, amber when within tolerance of it, red otherwise. */
export function kpiRag(value: number, target: number, tolerance: number, direction: 'higher' | 'lower'): Rag {
  const shortfall = direction === 'higher' ? target - value : value - target;
  if (shortfall <= 0) return 'green';
  return shortfall <= tolerance ? 'amber' : 'red';
}

/** Whole months from one ISO date to another (for the framework's maximum call-off length). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td > fd) months += 1;   // part of a month counts as a month
  return months;
}

/** Adds whole months to an ISO date, then steps back one day: the last day of a term of `months`. */
export function termEnd(startsOn: string, months: number): string {
  const d = new Date(`${startsOn}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
