// Evaluates a framework's roll-up rules: sub-criterion levels → competency level; sub-indicator RAG →
// area RAG → overall governance. Pure functions; each result says which rule produced it.
import type { CompetencyRollupRule, Governance, Level, Rag, RagRollupRule, WccFramework } from './framework.ts';

const EPS = 1e-9;

/** Applies a competency roll-up rule to the levels of a competency's sub-criteria (in numbering order). */
export function rollUpCompetency(rule: CompetencyRollupRule, levels: { number: string; level: Level }[]): Level {
  if (levels.length === 0) throw new RangeError('cannot roll up a competency with no sub-criterion levels');
  const sorted = levels.map((l) => l.level).sort((a, b) => a - b);
  const lowest = sorted[0];
  switch (rule.type) {
    case 'minimum':
      return lowest;
    case 'lowest_but_one':
      return sorted[Math.min(1, sorted.length - 1)];
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      if (sorted.length % 2 === 1) return sorted[mid];
      return rule.tieBreak === 'lower' ? sorted[mid - 1] : sorted[mid];
    }
    case 'mean': {
      const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
      return capAboveLowest(round(mean, rule.rounding), lowest, rule.maxAboveLowest);
    }
    case 'weighted_mean': {
      let sum = 0;
      let weight = 0;
      for (const l of levels) {
        const w = rule.weights[l.number];
        if (w === undefined) throw new RangeError(`no weight for sub-criterion ${l.number}`);
        sum += w * l.level;
        weight += w;
      }
      return capAboveLowest(round(sum / weight, rule.rounding), lowest, rule.maxAboveLowest);
    }
  }
}

function round(x: number, how: 'down' | 'nearest' | 'up'): Level {
  const r = how === 'down' ? Math.floor(x + EPS) : how === 'up' ? Math.ceil(x - EPS) : Math.floor(x + 0.5 + EPS);
  return Math.min(4, Math.max(1, r)) as Level;
}

function capAboveLowest(level: Level, lowest: Level, maxAbove: number | undefined): Level {
  return maxAbove === undefined ? level : (Math.min(level, lowest + maxAbove) as Level);
}

/** Applies a RAG roll-up rule to a list of ratings. */
export function rollUpRag(rule: RagRollupRule, ratings: Rag[], points: Record<Rag, number>): Rag {
  if (ratings.length === 0) throw new RangeError('cannot roll up an empty list of RAG ratings');
  const reds = ratings.filter((r) => r === 'red').length;
  const ambers = ratings.filter((r) => r === 'amber').length;
  switch (rule.type) {
    case 'worst':
      return reds > 0 ? 'red' : ambers > 0 ? 'amber' : 'green';
    case 'rag_counts':
      // Reds below the red threshold still count towards amber: a red is at least as bad as an amber.
      if (reds >= rule.redIfRedsAtLeast) return 'red';
      if (rule.redIfAmbersAtLeast !== undefined && ambers + reds >= rule.redIfAmbersAtLeast) return 'red';
      if (reds > 0 || ambers >= rule.amberIfAmbersAtLeast) return 'amber';
      return 'green';
    case 'points_mean': {
      const mean = ratings.reduce((s, r) => s + points[r], 0) / ratings.length;
      return mean + EPS >= rule.greenAtLeast ? 'green' : mean + EPS >= rule.amberAtLeast ? 'amber' : 'red';
    }
  }
}

export interface CompetencyResult {
  number: number;
  title: string;
  scored: boolean;
  level: Level | null;          // null when a sub-criterion is unscored, or the competency is not scored
  missing: string[];            // sub-criteria without a level
  rule: CompetencyRollupRule['type'];
}

/** Sub-criterion levels (keyed "5.3") → a level per competency, by each competency's rule. */
export function evaluateCompetencies(f: WccFramework, levels: Record<string, Level>): CompetencyResult[] {
  return f.competencies.map((c) => {
    const rule = c.rollup ?? f.competencyRollup;
    const present = c.subCriteria.filter((s) => levels[s.number] !== undefined)
      .map((s) => ({ number: s.number, level: levels[s.number] }));
    const missing = c.subCriteria.filter((s) => levels[s.number] === undefined).map((s) => s.number);
    const level = c.scored && missing.length === 0 ? rollUpCompetency(rule, present) : null;
    return { number: c.number, title: c.title, scored: c.scored, level, missing, rule: rule.type };
  });
}

export interface GovernanceResult {
  subIndicators: Record<string, Rag>;
  areas: { id: string; title: string; rating: Rag | null; missing: string[] }[];
  overall: Rag | null;          // null until every sub-indicator is rated
}

export function evaluateGovernance(g: Governance, ratings: Record<string, Rag>): GovernanceResult {
  const areas = g.areas.map((a) => {
    const missing = a.subIndicators.filter((s) => ratings[s.id] === undefined).map((s) => s.id);
    const rating = missing.length ? null : rollUpRag(g.areaRollup, a.subIndicators.map((s) => ratings[s.id]), g.ragPoints);
    return { id: a.id, title: a.title, rating, missing };
  });
  const complete = areas.every((a) => a.rating !== null);
  const overall = complete ? rollUpRag(g.overallRollup, areas.map((a) => a.rating as Rag), g.ragPoints) : null;
  const subIndicators: Record<string, Rag> = {};
  for (const a of g.areas) for (const s of a.subIndicators) if (ratings[s.id]) subIndicators[s.id] = ratings[s.id];
  return { subIndicators, areas, overall };
}

export { segmentTrusts, scoreByThresholds, scoreByPeerQuartile, scoreByPeerRank, segmentByBands } from './segmentation.ts';
export type { SegmentResult, TrustInput } from './segmentation.ts';
