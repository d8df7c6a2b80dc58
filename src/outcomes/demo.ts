// Demo content: an outcome cycle for 2008-09 and, when indicator values exist, a submitted-then-
// approved selection for PCT 5C2 (Barking & Dagenham), so dashboards and the report show something.
// Idempotent: an existing cycle or selection is left as it is.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { loadCatalogue, syncCatalogue } from '../analytics/indicators/index.ts';
import { getSelection, insertCycle, createSelection, replaceChoices, setStatus, addComment, type ChoiceRow } from './selection-repo.ts';
import { improves, stretchProposals, targetOfBasis } from './stretch-service.ts';
import { trajectoryMilestones } from '../stats/targets.ts';
import type { CycleConfig } from './selection-model.ts';

export const DEMO_CYCLE: CycleConfig = {
  year: '2008-09', baselinePeriod: '2007-08', trajectoryYears: 5, localOutcomes: 4,
  mandated: ['life-expectancy-male', 'life-expectancy-female', 'life-expectancy-gap-male', 'life-expectancy-gap-female'],
};
export const DEMO_PCT = '5C2';
const DEMO_LOCAL = ['mortality-cvd-under-75', 'admissions-alcohol-broad', 'mortality-cancer-under-75', 'admissions-acsc',
  'mortality-all-cause', 'readmissions-30-day', 'admissions-emergency', 'mortality-infant'];

export async function seedDemo(db: Db, log: (line: string) => void = () => undefined): Promise<{ cycle: boolean; selection: boolean }> {
  await syncCatalogue(db, loadCatalogue());
  const cycle = await insertCycle(db, DEMO_CYCLE);
  if (await getSelection(db, DEMO_CYCLE.year, DEMO_PCT)) return { cycle, selection: false };
  const has = await db.query(`SELECT 1 FROM indicator_values WHERE area_code = $1 AND period = $2 LIMIT 1`, [DEMO_PCT, DEMO_CYCLE.baselinePeriod]);
  if (!has.rowCount) return { cycle, selection: false };
  const choices: ChoiceRow[] = [];
  let local = 0;
  for (const id of [...DEMO_CYCLE.mandated, ...DEMO_LOCAL]) {
    const mandated = DEMO_CYCLE.mandated.includes(id);
    if (!mandated && local >= DEMO_CYCLE.localOutcomes) break;
    try {
      const view = await stretchProposals(db, DEMO_PCT, id, DEMO_CYCLE);
      const basis = (['best-quartile', 'best-decile', 'best-observed'] as const).find((b) => { const v = targetOfBasis(view, b); return v !== null && improves(view, v); });
      const target = basis ? targetOfBasis(view, basis) : null;
      if (!basis || target === null) continue;
      const shape = view.baselineValue > 0 && target > 0 ? 'constant-percentage' : 'linear';
      choices.push({ indicatorId: id, mandated, breakdown: 'persons', baselinePeriod: DEMO_CYCLE.baselinePeriod, baselineValue: view.baselineValue,
        targetValue: target, targetBasis: basis, shape, milestones: trajectoryMilestones(view.baselineValue, target, DEMO_CYCLE.trajectoryYears, shape),
        rationale: `Demo: reach the national ${basis.replace('-', ' ')} in five years.` });
      if (!mandated) local += 1;
    } catch {
      // an indicator without a baseline value for 5C2 is skipped
    }
  }
  if (!choices.length) return { cycle, selection: false };
  await withTransaction(db, async (client) => {
    const id = await createSelection(client, DEMO_CYCLE.year, DEMO_PCT);
    await replaceChoices(client, id, choices);
    await setStatus(client, id, 'submitted', null as unknown as string, 'submit');
    await addComment(client, id, 'submit', 'Demo selection submitted.', null);
    await recordAudit(client, { actor: null, action: 'outcomes.demo', objectType: 'outcome_selection', objectId: id, orgCode: DEMO_PCT, after: { choices: choices.map((c) => c.indicatorId) } });
  });
  log(`Demo outcomes: ${choices.length} chosen for ${DEMO_PCT} in ${DEMO_CYCLE.year} (submitted, awaiting the SHA)`);
  return { cycle, selection: true };
}
