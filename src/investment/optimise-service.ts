// Runs the PBMA optimiser and the Monte Carlo for a round, from its options as entered, and stores
// each run (inputs and results) so the board paper shows exactly what was computed.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { loadRound, describeRound, type RoundDetail } from './rounds-service.ts';
import type { Round } from './rounds-repo.ts';
import { insertRun, latestRun } from './plans-repo.ts';
import { loadSolver } from './optimiser/highs.ts';
import { solvePortfolio, type PortfolioSolution } from './optimiser/solve.ts';
import { runMonteCarlo, type MonteCarloResult } from './optimiser/monte-carlo.ts';
import type { PortfolioProblem } from './optimiser/model.ts';
import type { MonteCarloInput } from './schemas.ts';

/** The round's options as a portfolio problem; the value is QALYs or the agreed weighted value. */
export function problemOf(detail: RoundDetail): PortfolioProblem {
  const { round, options } = detail;
  const codes = new Set(options.map((o) => o.code));
  const missing = options.flatMap((o) => [...o.requires, ...o.excludes].filter((c) => !codes.has(c)).map((c) => `${o.code} refers to ${c}, which is not an option in this round`));
  if (missing.length) throw new AppError('invalid', missing.join('; '));
  if (round.objective === 'weighted') {
    const unscored = options.filter((o) => o.weightedValue === null).map((o) => o.code);
    if (unscored.length) throw new AppError('conflict', `Agree scores on every criterion before optimising weighted value (missing for ${unscored.join(', ')}).`);
  }
  return {
    options: options.map((o) => ({
      id: o.code, mustDo: o.mustDo,
      value: round.objective === 'weighted' ? o.weightedValue! : o.qalyLikely,
      costs: o.recurringCosts.map((r, y) => r + o.nonRecurringCosts[y]!),
    })),
    budgets: round.budgets,
    requires: options.flatMap((o) => o.requires.map((b) => [o.code, b] as [string, string])),
    excludes: options.flatMap((o) => o.excludes.map((b) => [o.code, b] as [string, string])),
  };
}

export type OptimisationRun = PortfolioSolution & { objectiveKind: Round['objective']; runId: number; createdAt: string };

export async function optimiseRound(db: Db, principal: Principal | null, roundId: number): Promise<OptimisationRun> {
  const { round, principal: p } = await loadRound(db, principal, roundId);
  const detail = await describeRound(db, round);
  if (!detail.options.length) throw new AppError('conflict', 'The round has no options yet.');
  const problem = problemOf(detail);
  const solution = solvePortfolio(await loadSolver(), problem);
  const runId = await withTransaction(db, async (c) => {
    const id = await insertRun(c, roundId, 'optimise', problem, { ...solution, objectiveKind: round.objective }, p.userId);
    await recordAudit(c, { actor: p, action: 'investment.optimise', objectType: 'investment_round', objectId: String(roundId), orgCode: round.orgCode, after: { runId: id, chosen: solution.chosen, objective: solution.objective } });
    return id;
  });
  return { ...solution, objectiveKind: round.objective, runId, createdAt: new Date().toISOString() };
}

export type MonteCarloRun = MonteCarloResult & { optionCodes: string[]; runId: number };

export async function monteCarloRound(db: Db, principal: Principal | null, roundId: number, input: MonteCarloInput): Promise<MonteCarloRun> {
  const { round, principal: p } = await loadRound(db, principal, roundId);
  const detail = await describeRound(db, round);
  if (!detail.options.length) throw new AppError('conflict', 'The round has no options yet.');
  const problem = problemOf(detail);
  // Value ranges: QALYs low/likely/high; for weighted value the agreed value scaled by QALYs/likely.
  const uncertainty = detail.options.map((o, i) => {
    const v = problem.options[i]!.value;
    const scale = (q: number) => (round.objective === 'weighted' ? (o.qalyLikely === 0 ? v : (v * q) / o.qalyLikely) : q);
    const ends = [scale(o.qalyLow), scale(o.qalyHigh)].sort((a, b) => a - b);
    return { value: { low: Math.min(ends[0]!, v), likely: v, high: Math.max(ends[1]!, v) }, costFactor: { low: o.costLowFactor, likely: 1, high: o.costHighFactor } };
  });
  const draws = input.draws ?? 1000;
  const result = runMonteCarlo(await loadSolver(), problem, { draws, seed: input.seed ?? 2009, shape: input.shape ?? 'pert', mode: 'mip', uncertainty });
  const optionCodes = problem.options.map((o) => o.id);
  const runId = await withTransaction(db, async (c) => {
    const id = await insertRun(c, roundId, 'monte-carlo', { ...input, draws }, { ...result, optionCodes }, p.userId);
    await recordAudit(c, { actor: p, action: 'investment.monte-carlo', objectType: 'investment_round', objectId: String(roundId), orgCode: round.orgCode, after: { runId: id, draws, seed: result.seed } });
    return id;
  });
  return { ...result, optionCodes, runId };
}

export async function latestRuns(db: Db, roundId: number) {
  const [optimisation, monteCarlo] = await Promise.all([
    latestRun<PortfolioSolution & { objectiveKind: Round['objective'] }>(db, roundId, 'optimise'),
    latestRun<MonteCarloResult & { optionCodes: string[] }>(db, roundId, 'monte-carlo'),
  ]);
  return { optimisation, monteCarlo };
}
