// The outcome-selection workflow: a PCT (commissioner or analyst) chooses its local outcomes and
// trajectories and submits; its SHA (assurance lead) comments, returns or approves. Every step is
// audited in the same transaction; an approved selection is locked (here with 409, and by triggers).
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import { authorize, type Action, type Principal } from '../platform/auth/policy.ts';
import { shaOf } from '../orgs/index.ts';
import { trajectoryMilestones } from '../stats/targets.ts';
import { getCycle, getSelection, createSelection, replaceChoices, setStatus, addComment, listCycles, type ChoiceRow, type SelectionRow } from './selection-repo.ts';
import { draftProblems, nextStatus, submissionProblems, type CycleConfig, type WorkflowStep } from './selection-model.ts';
import { stretchProposals, targetOfBasis } from './stretch-service.ts';

export interface ChoiceInput {
  indicatorId: string; targetBasis: string; targetValue?: number; shape: 'linear' | 'constant-percentage'; rationale: string;
}

async function guard(db: Db, principal: Principal | null, action: Action, orgCode: string): Promise<void> {
  authorize(principal, action, { orgCode, shaCode: await shaOf(db, orgCode) });
}

export async function resolveCycle(db: Db, year?: string): Promise<CycleConfig> {
  const cycle = year ? await getCycle(db, year) : (await listCycles(db))[0] ?? null;
  if (!cycle) throw new AppError('not_found', year ? `No outcome cycle ${year}.` : 'No outcome cycle has been configured.');
  return cycle;
}

export async function readOutcomes(db: Db, principal: Principal | null, orgCode: string, year?: string): Promise<{ cycle: CycleConfig; selection: SelectionRow | null }> {
  await guard(db, principal, 'org-data:read', orgCode);
  const cycle = await resolveCycle(db, year);
  return { cycle, selection: await getSelection(db, cycle.year, orgCode) };
}

/** Builds stored choices from the inputs: baselines and proposed targets come from the server, never the browser. */
async function buildChoices(db: Db, orgCode: string, cycle: CycleConfig, inputs: ChoiceInput[]): Promise<ChoiceRow[]> {
  const out: ChoiceRow[] = [];
  for (const c of inputs) {
    const view = await stretchProposals(db, orgCode, c.indicatorId, cycle);
    const target = c.targetBasis === 'custom' ? c.targetValue : targetOfBasis(view, c.targetBasis);
    if (target === undefined || target === null || !Number.isFinite(target)) {
      throw new AppError('invalid', `${c.indicatorId}: no target for basis ${c.targetBasis}.`, [{ path: `/choices/${c.indicatorId}/targetValue`, message: 'Give a target value' }]);
    }
    let milestones: number[];
    try {
      milestones = trajectoryMilestones(view.baselineValue, target, cycle.trajectoryYears, c.shape);
    } catch (err) {
      throw new AppError('invalid', `${c.indicatorId}: ${(err as Error).message}`);
    }
    out.push({
      indicatorId: c.indicatorId, mandated: cycle.mandated.includes(c.indicatorId), breakdown: 'persons', baselinePeriod: cycle.baselinePeriod,
      baselineValue: view.baselineValue, targetValue: target, targetBasis: c.targetBasis, shape: c.shape, milestones, rationale: c.rationale,
    });
  }
  return out;
}

function step(selection: SelectionRow | null, s: WorkflowStep) {
  const next = nextStatus(selection?.status ?? 'draft', s);
  if (!next.ok) throw new AppError('conflict', next.reason);
  return next.status;
}

export async function saveChoices(db: Db, principal: Principal | null, orgCode: string, year: string, inputs: ChoiceInput[]): Promise<SelectionRow> {
  await guard(db, principal, 'org-data:write', orgCode);
  const cycle = await resolveCycle(db, year);
  const problems = draftProblems(cycle, inputs);
  if (problems.length) throw new AppError('invalid', problems.join(' '), problems.map((m) => ({ path: '/choices', message: m })));
  const choices = await buildChoices(db, orgCode, cycle, inputs);
  return withTransaction(db, async (client) => {
    await createSelection(client, cycle.year, orgCode);
    const before = await getSelection(client, cycle.year, orgCode, true);
    const status = step(before, 'save');
    await replaceChoices(client, before!.id, choices);
    await setStatus(client, before!.id, status, principal!.userId, 'save');
    const after = await getSelection(client, cycle.year, orgCode);
    await recordAudit(client, { actor: principal, action: 'outcomes.save', objectType: 'outcome_selection', objectId: before!.id, orgCode,
      before: { status: before!.status, choices: before!.choices }, after: { status: after!.status, choices: after!.choices } });
    return after!;
  });
}

export async function advance(db: Db, principal: Principal | null, orgCode: string, year: string, s: 'submit' | 'return' | 'approve', comment: string): Promise<SelectionRow> {
  await guard(db, principal, s === 'submit' ? 'org-data:write' : 'org-data:approve', orgCode);
  const cycle = await resolveCycle(db, year);
  if (s === 'return' && comment.trim() === '') throw new AppError('invalid', 'Say why the selection is returned.', [{ path: '/comment', message: 'Enter a comment' }]);
  return withTransaction(db, async (client) => {
    const before = await getSelection(client, cycle.year, orgCode, true);
    if (!before) throw new AppError('not_found', `${orgCode} has not chosen outcomes for ${cycle.year}.`);
    const status = step(before, s);
    if (s === 'submit') {
      const problems = submissionProblems(cycle, before.choices);
      if (problems.length) throw new AppError('invalid', problems.join(' '), problems.map((m) => ({ path: '/choices', message: m })));
    }
    await setStatus(client, before.id, status, principal!.userId, s === 'submit' ? 'submit' : 'decide');
    await addComment(client, before.id, s, comment, principal);
    await recordAudit(client, { actor: principal, action: `outcomes.${s}`, objectType: 'outcome_selection', objectId: before.id, orgCode,
      before: { status: before.status }, after: { status, comment } });
    return (await getSelection(client, cycle.year, orgCode))!;
  });
}

export async function comment(db: Db, principal: Principal | null, orgCode: string, year: string, body: string): Promise<SelectionRow> {
  await guard(db, principal, 'org-data:read', orgCode);
  if (body.trim() === '') throw new AppError('invalid', 'Enter a comment.', [{ path: '/body', message: 'Enter a comment' }]);
  const cycle = await resolveCycle(db, year);
  return withTransaction(db, async (client) => {
    const sel = await getSelection(client, cycle.year, orgCode);
    if (!sel) throw new AppError('not_found', `${orgCode} has not chosen outcomes for ${cycle.year}.`);
    await addComment(client, sel.id, 'comment', body, principal);
    await recordAudit(client, { actor: principal, action: 'outcomes.comment', objectType: 'outcome_selection', objectId: sel.id, orgCode, after: { body } });
    return (await getSelection(client, cycle.year, orgCode))!;
  });
}
