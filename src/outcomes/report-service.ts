// The needs-assessment content of a PCT, shared by the PDF and the printable page: its profile against
// England, the top concerns (worse than England and getting worse first, then other worse values), the
// inequalities (life-expectancy gap, and the SII of its top concern), and its chosen outcomes.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { can, type Principal } from '../platform/auth/policy.ts';
import { shaOf } from '../orgs/index.ts';
import { getProfile, type Profile } from './profile-service.ts';
import { inequalitiesOf, type InequalitiesView } from './inequalities-service.ts';
import { listCycles } from './selection-repo.ts';
import { pctProgress } from './progress-service.ts';
import type { ProfileRow } from './profile-model.ts';

export const TOP_CONCERNS = 6;
const LE_GAP = 'life-expectancy-male';

export interface NeedsAssessment {
  profile: Profile;
  counts: { better: number; similar: number; worse: number; redRed: number; notCompared: number };
  concerns: ProfileRow[];
  inequalities: InequalitiesView | null;
  outcomes: Awaited<ReturnType<typeof pctProgress>> | null;
  outcomesNote: string | null;
}

/** Worse-and-getting-worse first (by how far beyond England), then other worse/worst values. */
export function topConcerns(rows: ProfileRow[], n = TOP_CONCERNS): ProfileRow[] {
  const worse = rows.filter((r) => r.comparison === 'worse' || r.comparison === 'worst');
  const gap = (r: ProfileRow) => (r.englandValue ? Math.abs((r.value ?? 0) - r.englandValue) / Math.abs(r.englandValue) : 0);
  return worse.sort((a, b) => Number(b.redRed) - Number(a.redRed) || Number(b.comparison === 'worst') - Number(a.comparison === 'worst') || gap(b) - gap(a)).slice(0, n);
}

export async function needsAssessment(db: Db, principal: Principal | null, code: string, period?: string): Promise<NeedsAssessment> {
  const profile = await getProfile(db, code, { period, benchmark: 'england' });
  if (profile.area.type !== 'pct') throw new AppError('invalid', 'The needs-assessment report is written for a PCT.');
  const count = (f: (r: ProfileRow) => boolean) => profile.rows.filter(f).length;
  const counts = {
    better: count((r) => r.rag === 'green'), similar: count((r) => r.rag === 'amber'), worse: count((r) => r.rag === 'red'),
    redRed: count((r) => r.redRed), notCompared: count((r) => r.rag === 'grey'),
  };
  const concerns = topConcerns(profile.rows);
  let inequalities: InequalitiesView | null = null;
  const focus = concerns.find((c) => c.indicatorId !== LE_GAP)?.indicatorId ?? 'mortality-all-cause';
  if (profile.period && profile.rows.some((r) => r.indicatorId === focus)) {
    inequalities = await inequalitiesOf(db, profile.area.code, { indicator: focus, period: profile.period });
  }
  let outcomes = null;
  let outcomesNote: string | null = null;
  const cycles = await listCycles(db);
  if (!cycles.length) outcomesNote = 'No outcome cycle has been configured yet.';
  else if (!can(principal, 'org-data:read', { orgCode: profile.area.code, shaCode: await shaOf(db, profile.area.code) })) {
    outcomesNote = 'Chosen outcomes are shown to signed-in users of the PCT, its SHA and the national team.';
  } else {
    outcomes = await pctProgress(db, principal, profile.area.code, cycles[0].year);
    if (!outcomes.rows.length) outcomesNote = `${profile.area.name} has not chosen outcomes for ${cycles[0].year} yet.`;
  }
  return { profile, counts, concerns, inequalities, outcomes, outcomesNote };
}
