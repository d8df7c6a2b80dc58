// Builders for scorecards used by league and autonomy tests (test support only).
import type { Level, Rag, WccFramework } from './framework.ts';
import { allSubIndicators, scoredCompetencies } from './framework.ts';
import { buildScorecard, type Scorecard } from './scorecard.ts';

/** levels: one per scored competency, in order; ambers/reds: sub-indicator ids; the rest are green. */
export function card(f: WccFramework, orgCode: string, levels: number[], ambers: string[] = [], reds: string[] = []): Scorecard {
  const comps = scoredCompetencies(f);
  if (levels.length !== comps.length) throw new RangeError(`${orgCode}: ${levels.length} levels for ${comps.length} competencies`);
  const competencyLevels: Record<number, Level> = {};
  comps.forEach((c, i) => { competencyLevels[c.number] = levels[i] as Level; });
  const subIndicatorRatings: Record<string, Rag> = {};
  for (const s of allSubIndicators(f)) subIndicatorRatings[s.id] = reds.includes(s.id) ? 'red' : ambers.includes(s.id) ? 'amber' : 'green';
  return buildScorecard(f, { orgCode, competencyLevels, subIndicatorRatings });
}

export const repeat = (level: number, n = 11): number[] => Array.from({ length: n }, () => level);
