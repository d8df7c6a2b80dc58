// Five-year financial plans: saved as entered, recomputed on every read with the investments and
// disinvestments the round's latest optimisation chose; affordability and the financial risk rating
// that the assurance "finance" governance area reads through financialRiskRating().
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { requireRead, requireWrite } from './access.ts';
import { affordability, checkPlanInputs, computePlan, financialYear, type Affordability, type PlanInvestments, type ScenarioResult } from './plan.ts';
import { loadRiskRules, rateFinancialRisk, type RiskRating } from './risk-rating.ts';
import { getPlan, planCovering, upsertPlan, latestRun, type PlanRow } from './plans-repo.ts';
import { getRound, listOptions } from './rounds-repo.ts';
import type { PortfolioSolution } from './optimiser/solve.ts';
import type { PlanInput } from './schemas.ts';

export interface PlanView {
  plan: PlanRow;
  years: string[];
  investments: PlanInvestments & { chosen: string[]; runId: number | null };
  scenarios: ScenarioResult[];
  affordability: Affordability;
  risk: RiskRating;
}

/** Recurring and non-recurring cost per year of the options the round's latest optimisation chose. */
export async function chosenInvestments(db: Db, roundId: number | null): Promise<PlanInvestments & { chosen: string[]; runId: number | null }> {
  const none = { recurring: [0, 0, 0, 0, 0], nonRecurring: [0, 0, 0, 0, 0], chosen: [] as string[], runId: null };
  if (roundId === null) return none;
  const run = await latestRun<PortfolioSolution>(db, roundId, 'optimise');
  if (!run) return none;
  const options = (await listOptions(db, roundId)).filter((o) => run.result.chosen.includes(o.code));
  const sum = (pick: (o: (typeof options)[number]) => number[]) => [0, 1, 2, 3, 4].map((y) => options.reduce((s, o) => s + pick(o)[y]!, 0));
  return { recurring: sum((o) => o.recurringCosts), nonRecurring: sum((o) => o.nonRecurringCosts), chosen: options.map((o) => o.code), runId: run.id };
}

export async function describePlan(db: Db, plan: PlanRow): Promise<PlanView> {
  const investments = await chosenInvestments(db, plan.roundId);
  const scenarios = computePlan(plan.inputs, investments);
  return {
    plan, years: [0, 1, 2, 3, 4].map((y) => financialYear(plan.firstYear, y)), investments, scenarios,
    affordability: affordability(scenarios, plan.firstYear),
    risk: rateFinancialRisk(scenarios, plan.inputs.contingencyPct, loadRiskRules()),
  };
}

export async function savePlan(db: Db, principal: Principal | null, input: PlanInput): Promise<PlanView> {
  const orgCode = input.orgCode.toUpperCase();
  const actor = await requireWrite(db, principal, orgCode, 'plan');
  const errors = checkPlanInputs(input.inputs);
  if (errors.length) throw new AppError('invalid', 'The plan is not valid.', errors.map((e) => ({ path: `body/inputs/${e.path}`, message: e.message })));
  if (input.roundId !== null) {
    const round = await getRound(db, input.roundId);
    if (!round || round.orgCode !== orgCode) throw new AppError('invalid', 'The round must be one of the same PCT.', [{ path: 'body/roundId', message: 'no such round for this PCT' }]);
  }
  const plan = await withTransaction(db, async (c) => {
    const before = await getPlan(c, orgCode, input.firstYear);
    const after = await upsertPlan(c, orgCode, input.firstYear, input.roundId, input.inputs, actor.userId);
    await recordAudit(c, { actor, action: 'investment.plan-save', objectType: 'investment_plan', objectId: String(after.id), orgCode, before: before?.inputs, after: after.inputs });
    return after;
  });
  return describePlan(db, plan);
}

export async function planView(db: Db, principal: Principal | null, orgCode: string, firstYear: string): Promise<PlanView> {
  await requireRead(db, principal, orgCode.toUpperCase(), 'plan');
  const plan = await getPlan(db, orgCode.toUpperCase(), firstYear);
  if (!plan) throw new AppError('not_found', 'There is no such plan.');
  return describePlan(db, plan);
}

/**
 * The financial risk rating of a PCT's five-year plan covering `year` (e.g. '2009-10'), for the
 * assurance "finance" governance area: rating 4 (low risk) … 1 (high risk) with R/A/G, or null when
 * the PCT has no plan covering that year. No access check: callers decide who sees it.
 */
export async function financialRiskRating(db: Db, pctCode: string, year: string): Promise<(RiskRating & { planId: number; firstYear: string; affordable: boolean }) | null> {
  const plan = await planCovering(db, pctCode.toUpperCase(), year);
  if (!plan) return null;
  const view = await describePlan(db, plan);
  return { ...view.risk, planId: plan.id, firstYear: plan.firstYear, affordable: view.affordability.affordable };
}
