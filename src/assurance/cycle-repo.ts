// Assurance cycles in PostgreSQL: the row, its timetable and the framework it uses.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { WccFramework } from './framework.ts';
import { getFramework } from './repo.ts';
import type { Timetable } from './timetable.ts';

export type CycleStatus = 'open' | 'panels' | 'calibration' | 'confirmed' | 'published';

export interface Cycle {
  id: string;
  year: string;
  frameworkId: string;
  frameworkVersion: string;
  policyId: string | null;
  policyVersion: string | null;
  status: CycleStatus;
  previousCycleId: string | null;
  timetable: Timetable;
  confirmedAt: string | null;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function cycleFromRow(r: Record<string, any>): Cycle {
  return {
    id: r.id, year: r.year, frameworkId: r.framework_id, frameworkVersion: r.framework_version,
    policyId: r.policy_id, policyVersion: r.policy_version, status: r.status, previousCycleId: r.previous_cycle_id,
    confirmedAt: r.confirmed_at ? iso(r.confirmed_at) : null,
    timetable: {
      selfAssessmentDeadline: iso(r.self_assessment_deadline), surveyOpens: iso(r.survey_opens),
      surveyCloses: iso(r.survey_closes), panelsFrom: r.panels_from, panelsTo: r.panels_to,
      calibrationBy: r.calibration_by, publicationAt: iso(r.publication_at),
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cycle by id, or by year ("2009-10", the WCC cycle of that year); throws not_found. */
export async function getCycle(db: Db | pg.ClientBase, ref: string): Promise<Cycle> {
  const { rows } = UUID.test(ref)
    ? await db.query('SELECT * FROM assurance_cycles WHERE id = $1', [ref])
    : await db.query(
      `SELECT c.* FROM assurance_cycles c JOIN assurance_frameworks f
         ON f.framework_id = c.framework_id AND f.version = c.framework_version
        WHERE c.year = $1 AND f.era = 'wcc' ORDER BY c.created_at LIMIT 1`, [ref]);
  if (!rows.length) throw new AppError('not_found', `There is no assurance cycle ${ref}.`);
  return cycleFromRow(rows[0]);
}

export async function listCycles(db: Db): Promise<Cycle[]> {
  const { rows } = await db.query('SELECT * FROM assurance_cycles ORDER BY year DESC, created_at DESC');
  return rows.map(cycleFromRow);
}

/** The cycle's WCC framework; oversight cycles are not run through this workflow. */
export async function cycleFramework(db: Db, cycle: Cycle): Promise<WccFramework> {
  const f = await getFramework(db, cycle.frameworkId, cycle.frameworkVersion);
  if (!f) throw new AppError('not_found', `Framework ${cycle.frameworkId}@${cycle.frameworkVersion} is not stored.`);
  if (f.era !== 'wcc') throw new AppError('invalid', 'This cycle uses an oversight framework; segment it instead.');
  return f;
}
