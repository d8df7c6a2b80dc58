// A PCT's scorecard for one framework version: agreed competency levels and governance ratings, rolled up.
// League tables and the autonomy policy work from scorecards.
import type { Level, Rag, WccFramework } from './framework.ts';
import { scoredCompetencies } from './framework.ts';
import { evaluateGovernance, type GovernanceResult } from './rollup.ts';

export interface ScorecardInput {
  orgCode: string;
  name?: string;
  competencyLevels: Record<number, Level>;      // agreed level per scored competency
  subIndicatorRatings: Record<string, Rag>;     // agreed RAG per governance sub-indicator
}

export interface Scorecard {
  orgCode: string;
  name?: string;
  competencyLevels: Record<number, Level>;
  governance: GovernanceResult;
  governanceOverall: Rag;
}

/** Builds a complete scorecard; throws a RangeError naming what is missing when it is incomplete. */
export function buildScorecard(f: WccFramework, input: ScorecardInput): Scorecard {
  const missing = scoredCompetencies(f).filter((c) => input.competencyLevels[c.number] === undefined).map((c) => c.number);
  if (missing.length) throw new RangeError(`${input.orgCode}: no level for competencies ${missing.join(', ')}`);
  const governance = evaluateGovernance(f.governance, input.subIndicatorRatings);
  if (governance.overall === null) {
    const gaps = governance.areas.flatMap((a) => a.missing);
    throw new RangeError(`${input.orgCode}: no rating for governance sub-indicators ${gaps.join(', ')}`);
  }
  const competencyLevels: Record<number, Level> = {};
  for (const c of scoredCompetencies(f)) competencyLevels[c.number] = input.competencyLevels[c.number];
  return { orgCode: input.orgCode, name: input.name, competencyLevels, governance, governanceOverall: governance.overall };
}

/** Governance as a share of the maximum points (every sub-indicator green = 1). */
export function governanceScore(f: WccFramework, s: Scorecard): number {
  const pts = f.governance.ragPoints;
  const ratings = Object.values(s.governance.subIndicators);
  return ratings.reduce((a, r) => a + pts[r], 0) / (ratings.length * pts.green);
}

/** Competencies as a share of the maximum (every scored competency at level 4 = 1). */
export function competencyScore(f: WccFramework, s: Scorecard): number {
  const comps = scoredCompetencies(f);
  return comps.reduce((a, c) => a + s.competencyLevels[c.number], 0) / (comps.length * 4);
}

export function meanCompetencyLevel(f: WccFramework, s: Scorecard): number {
  const comps = scoredCompetencies(f);
  return comps.reduce((a, c) => a + s.competencyLevels[c.number], 0) / comps.length;
}
