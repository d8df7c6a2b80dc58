// Matching support to need: the weakest competencies of a PCT point to the offers tagged with them.
// Pure: the offers' competency tags are data (lots, case studies, sets, events each carry theirs).

export interface CompetencyScore { competency: number; level: number }

/** The lowest-scoring competencies: every one at the lowest level, and at least `min` of the weakest. */
export function weakestCompetencies(scores: CompetencyScore[], min = 3): number[] {
  const sorted = [...scores].sort((a, b) => a.level - b.level || a.competency - b.competency);
  if (sorted.length === 0) return [];
  const floor = sorted[Math.min(min, sorted.length) - 1]!.level;
  return sorted.filter((s) => s.level <= floor).map((s) => s.competency);
}

export interface Offer { id: string; competencies: number[] }

/** Offers that address any weak competency, best first (more weak competencies covered, weaker first). */
export function matchOffers<T extends Offer>(weak: number[], offers: T[]): (T & { addresses: number[] })[] {
  const rankOf = new Map(weak.map((c, i) => [c, i]));
  return offers
    .map((o) => ({ ...o, addresses: o.competencies.filter((c) => rankOf.has(c)).sort((a, b) => rankOf.get(a)! - rankOf.get(b)!) }))
    .filter((o) => o.addresses.length > 0)
    .sort((a, b) => b.addresses.length - a.addresses.length || rankOf.get(a.addresses[0]!)! - rankOf.get(b.addresses[0]!)! || a.id.localeCompare(b.id));
}

/** Mean level change from one year to the next over the competencies scored in both. */
export function meanChange(before: CompetencyScore[], after: CompetencyScore[]): number | null {
  const prior = new Map(before.map((s) => [s.competency, s.level]));
  const both = after.filter((s) => prior.has(s.competency));
  if (both.length === 0) return null;
  return Math.round((both.reduce((sum, s) => sum + s.level - prior.get(s.competency)!, 0) / both.length) * 100) / 100;
}
