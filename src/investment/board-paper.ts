// The board paper of a prioritisation round as data: options with scores and cost per QALY, the
// optimal portfolio with its margins, the Monte Carlo sensitivity, the five-year plan and the expected
// effect on the PCT's chosen outcomes. The page and the PDF both render this, so they cannot disagree.
import type { Db } from '../platform/db.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { getOrganisation } from '../orgs/index.ts';
import { loadRound, describeRound, type RoundDetail } from './rounds-service.ts';
import { latestRuns } from './optimise-service.ts';
import { describePlan, type PlanView } from './plan-service.ts';
import { financialYear } from './plan.ts';
import { latestOutcomes } from './spend-repo.ts';
import { listAgreed, type AgreedScore } from './panel-repo.ts';
import type { PortfolioSolution } from './optimiser/solve.ts';
import type { MonteCarloResult } from './optimiser/monte-carlo.ts';
import type { PlanRow } from './plans-repo.ts';

export interface OutcomeEffect { indicatorId: string; baseline: number | null; baselinePeriod: string | null; changeByYear: number[]; contributors: string[] }

export interface BoardPaper {
  orgName: string;
  generatedAt: string;
  years: string[];
  detail: RoundDetail;
  agreed: AgreedScore[];
  optimisation: (PortfolioSolution & { objectiveKind: string; runId: number; createdAt: string }) | null;
  monteCarlo: (MonteCarloResult & { optionCodes: string[]; runId: number; createdAt: string }) | null;
  plan: PlanView | null;
  outcomeEffects: OutcomeEffect[];
}

/** Sum of the chosen options' expected trajectories for each chosen outcome (effects assumed additive). */
export function outcomeEffects(detail: RoundDetail, chosen: string[], outcomes: string[]): Omit<OutcomeEffect, 'baseline' | 'baselinePeriod'>[] {
  return outcomes.map((indicatorId) => {
    const changeByYear = [0, 0, 0, 0, 0];
    const contributors: string[] = [];
    for (const o of detail.options.filter((x) => chosen.includes(x.code))) {
      const t = o.outcomes.find((x) => x.indicatorId === indicatorId);
      if (!t) continue;
      contributors.push(o.code);
      t.trajectory.forEach((v, y) => { changeByYear[y]! += v; });
    }
    return { indicatorId, changeByYear, contributors };
  });
}

export async function boardPaper(db: Db, principal: Principal | null, roundId: number): Promise<BoardPaper> {
  const { round } = await loadRound(db, principal, roundId);
  const [detail, runs, agreed, org] = await Promise.all([describeRound(db, round), latestRuns(db, roundId), listAgreed(db, roundId), getOrganisation(db, round.orgCode)]);
  const { rows } = await db.query(`SELECT * FROM investment_plans WHERE round_id = $1 ORDER BY updated_at DESC LIMIT 1`, [roundId]);
  const planRow: PlanRow | null = rows[0] ? { id: Number(rows[0].id), orgCode: rows[0].org_code, firstYear: rows[0].first_year, roundId, inputs: rows[0].inputs, updatedAt: rows[0].updated_at.toISOString() } : null;
  const chosen = runs.optimisation?.result.chosen ?? [];
  const effects = await Promise.all(outcomeEffects(detail, chosen, round.outcomes).map(async (e) => {
    const latest = await latestOutcomes(db, e.indicatorId);
    return { ...e, baseline: latest.values.get(round.orgCode) ?? null, baselinePeriod: latest.period };
  }));
  return {
    orgName: org?.name ?? round.orgCode, generatedAt: new Date().toISOString(),
    years: [0, 1, 2, 3, 4].map((y) => financialYear(round.firstYear, y)),
    detail, agreed,
    optimisation: runs.optimisation ? { ...runs.optimisation.result, runId: runs.optimisation.id, createdAt: runs.optimisation.createdAt } : null,
    monteCarlo: runs.monteCarlo ? { ...runs.monteCarlo.result, runId: runs.monteCarlo.id, createdAt: runs.monteCarlo.createdAt } : null,
    plan: planRow ? await describePlan(db, planRow) : null,
    outcomeEffects: effects,
  };
}
