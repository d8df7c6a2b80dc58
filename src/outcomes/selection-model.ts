// The outcome-selection workflow as pure rules: which states allow editing, which transitions each
// step makes, and whether a selection satisfies its cycle's configuration.
export type SelectionStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type WorkflowStep = 'save' | 'submit' | 'return' | 'approve';

export interface CycleConfig { year: string; baselinePeriod: string; trajectoryYears: number; localOutcomes: number; mandated: string[] }
export interface ChoiceSummary { indicatorId: string; mandated: boolean; milestones: number[]; rationale: string }

const NEXT: Record<WorkflowStep, { from: SelectionStatus[]; to: SelectionStatus }> = {
  save: { from: ['draft', 'returned'], to: 'draft' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
};

/** The state after a step, or an explanation of why the step is not allowed now. */
export function nextStatus(current: SelectionStatus, step: WorkflowStep): { ok: true; status: SelectionStatus } | { ok: false; reason: string } {
  if (current === 'approved') return { ok: false, reason: 'The selection is approved and its trajectories are locked for the year.' };
  const rule = NEXT[step];
  if (!rule.from.includes(current)) return { ok: false, reason: `A ${current} selection cannot be ${step === 'save' ? 'edited' : `${step}ed`}.` };
  // Saving a returned selection keeps it returned, so the SHA's comments stay visible until resubmission.
  return { ok: true, status: step === 'save' && current === 'returned' ? 'returned' : rule.to };
}

/** Problems that stop a selection being submitted (an empty list means it may be submitted). */
export function submissionProblems(cycle: CycleConfig, choices: ChoiceSummary[]): string[] {
  const problems: string[] = [];
  const ids = new Set(choices.map((c) => c.indicatorId));
  for (const m of cycle.mandated) if (!ids.has(m)) problems.push(`The mandated outcome ${m} is missing.`);
  const local = choices.filter((c) => !cycle.mandated.includes(c.indicatorId)).length;
  if (local !== cycle.localOutcomes) problems.push(`Choose exactly ${cycle.localOutcomes} local outcomes (you have ${local}).`);
  for (const c of choices) {
    if (c.milestones.length !== cycle.trajectoryYears + 1) problems.push(`${c.indicatorId}: the trajectory needs ${cycle.trajectoryYears} yearly milestones.`);
    if (c.rationale.trim().length === 0) problems.push(`${c.indicatorId}: write a rationale.`);
  }
  return problems;
}

/** Problems with a draft (too many choices); a draft may be incomplete. */
export function draftProblems(cycle: CycleConfig, choices: { indicatorId: string }[]): string[] {
  const ids = choices.map((c) => c.indicatorId);
  const problems: string[] = [];
  if (new Set(ids).size !== ids.length) problems.push('An outcome is chosen twice.');
  const local = ids.filter((id) => !cycle.mandated.includes(id)).length;
  if (local > cycle.localOutcomes) problems.push(`At most ${cycle.localOutcomes} local outcomes may be chosen (you have ${local}).`);
  return problems;
}
