// The interface matching reads competency scores through. The assurance cycle's agreed competency levels
// (assurance_agreed_scores, migration 0301) come first; a PCT without any agreed scores falls back to
// support_competency_scores, a table of this feature seeded for the demo until the cycle is in use.
import type { Db } from '../platform/db.ts';
import type { CompetencyScore } from './matching.ts';

export interface YearScores { year: string; source: 'assurance' | 'support_demo'; scores: CompetencyScore[] }

/** Every year's competency levels for a PCT, oldest first. */
export async function competencyScoresByYear(db: Db, pctCode: string): Promise<YearScores[]> {
  const assured = await db.query(
    `SELECT c.year, a.item, a.level FROM assurance_agreed_scores a JOIN assurance_cycles c ON c.id = a.cycle_id
      WHERE a.org_code = $1 AND a.item_kind = 'competency' AND c.status IN ('confirmed', 'published') AND a.item ~ '^[0-9]+$'
      ORDER BY c.year, a.item::int`, [pctCode]);
  const rows = assured.rows.length
    ? assured.rows.map((r) => ({ year: r.year as string, competency: Number(r.item), level: r.level as number, source: 'assurance' as const }))
    : (await db.query('SELECT year, competency, level FROM support_competency_scores WHERE pct_code = $1 ORDER BY year, competency', [pctCode]))
      .rows.map((r) => ({ year: r.year as string, competency: r.competency as number, level: r.level as number, source: 'support_demo' as const }));
  const years = new Map<string, YearScores>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { year: r.year, source: r.source, scores: [] };
    y.scores.push({ competency: r.competency, level: r.level });
    years.set(r.year, y);
  }
  return [...years.values()];
}

/** The latest year's competency levels, or null when the PCT has none. */
export async function latestCompetencyScores(db: Db, pctCode: string): Promise<YearScores | null> {
  const all = await competencyScoresByYear(db, pctCode);
  return all[all.length - 1] ?? null;
}
