// For other features (support, procurement): a PCT's agreed competency levels and its weakest competencies.
import type { Db } from '../platform/db.ts';
import { getCycle } from './cycle-repo.ts';

export interface CompetencyScore { competencyId: number; level: number; cycleYear: string }

/** The agreed levels from the PCT's most recent cycle that has any; [] when it has none. */
export async function latestCompetencyScores(db: Db, pctCode: string): Promise<CompetencyScore[]> {
  const { rows } = await db.query(
    `SELECT a.item, a.level, c.year FROM assurance_agreed_scores a JOIN assurance_cycles c ON c.id = a.cycle_id
      WHERE a.org_code = $1 AND a.item_kind = 'competency'
        AND a.cycle_id = (SELECT a2.cycle_id FROM assurance_agreed_scores a2 JOIN assurance_cycles c2 ON c2.id = a2.cycle_id
                           WHERE a2.org_code = $1 AND a2.item_kind = 'competency' ORDER BY c2.year DESC LIMIT 1)
      ORDER BY a.item::int`, [pctCode.toUpperCase()]);
  return rows.map((r) => ({ competencyId: Number(r.item), level: r.level, cycleYear: r.year }));
}

/** The `count` lowest agreed competencies in a cycle (ties by competency number), for matching support offers. */
export async function weakestCompetencies(db: Db, pctCode: string, cycleId: string, count = 3): Promise<CompetencyScore[]> {
  const cycle = await getCycle(db, cycleId);
  const { rows } = await db.query(
    `SELECT item, level FROM assurance_agreed_scores WHERE cycle_id = $1 AND org_code = $2 AND item_kind = 'competency'
      ORDER BY level, item::int LIMIT $3`, [cycle.id, pctCode.toUpperCase(), count]);
  return rows.map((r) => ({ competencyId: Number(r.item), level: r.level, cycleYear: cycle.year }));
}
