// Solves the portfolio problem exactly with HiGHS (branch and cut, relative gap 0) and explains the
// answer: the chosen set, the value of each year's budget at the margin, and what is in and out at
// the margin.
import { AppError } from '../../platform/errors.ts';
import { checkProblem, col, toLpText, type PortfolioProblem } from './model.ts';
import type { Solver } from './highs.ts';

export const SOLVER_OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 } as const;

export interface BudgetShadow {
  year: number;
  budget: number;
  spend: number;
  slack: number;
  /** Value per £1 more budget in this year, with the chosen set kept and excluded options divisible. */
  shadowPrice: number;
  /** The same from the plain LP relaxation (no options fixed): the classic PBMA "marginal rate". */
  relaxedShadowPrice: number;
}

export interface MarginalOption { id: string; value: number; totalCost: number; valuePerMillion: number | null; reducedValue?: number }

export interface PortfolioSolution {
  status: 'optimal' | 'infeasible';
  objective: number;
  chosen: string[];
  chosenFlags: boolean[];
  spendByYear: number[];
  budgets: BudgetShadow[];
  /** Value per £1 more in every year at once (money in one year alone buys nothing when all years bind). */
  allYearsShadowPrice: number;
  /** Chosen options that give least value per £ (first to go if money were cut). */
  marginalIn: MarginalOption[];
  /** Excluded options that give most value per £ (next in if money were found). */
  marginalOut: MarginalOption[];
  solveMs: number;
  /** Time of the MIP alone (the shadow-price LPs come after). */
  mipMs: number;
}

function run(solver: Solver, lp: string, options: Record<string, unknown> = SOLVER_OPTIONS) {
  return solver.solve(lp, options);
}
const LP_OPTIONS = { output_flag: false, presolve: 'off' } as const;

/** Step used to measure the value of more budget: £1,000, small against any real option. */
export const SHADOW_STEP = 1000;

/**
 * Value per £1 of extra budget in `year` for the LP with `fixed` options held: the right-hand
 * derivative measured by re-solving with £1,000 more. (LP duals at a degenerate vertex are not
 * unique; the step gives the one that answers "what would more money buy".)
 */
function marginalRate(solver: Solver, p: PortfolioProblem, year: number | 'all', fixed: Map<number, 0 | 1>): number {
  const base = run(solver, toLpText(p, { integer: false, fixed }), LP_OPTIONS);
  const more = run(solver, toLpText({ ...p, budgets: p.budgets.map((b, y) => (year === 'all' || y === year ? b + SHADOW_STEP : b)) }, { integer: false, fixed }), LP_OPTIONS);
  if (base.Status !== 'Optimal' || more.Status !== 'Optimal') return 0;
  return Math.max(0, (more.ObjectiveValue - base.ObjectiveValue) / SHADOW_STEP);
}

/** Solves the MIP to proven optimality; throws `invalid` for malformed problems. */
export function solvePortfolio(solver: Solver, p: PortfolioProblem, marginCount = 3): PortfolioSolution {
  const errors = checkProblem(p);
  if (errors.length) throw new AppError('invalid', 'The portfolio problem is not well formed.', errors);
  const started = performance.now();
  const empty = (): PortfolioSolution => ({ status: 'infeasible', objective: 0, chosen: [], chosenFlags: p.options.map(() => false), spendByYear: p.budgets.map(() => 0), budgets: [], allYearsShadowPrice: 0, marginalIn: [], marginalOut: [], solveMs: performance.now() - started, mipMs: 0 });
  if (p.options.length === 0) {
    if (p.budgets.some((b) => b < 0)) return empty();
    return { ...empty(), status: 'optimal', budgets: p.budgets.map((b, year) => ({ year, budget: b, spend: 0, slack: b, shadowPrice: 0, relaxedShadowPrice: 0 })) };
  }
  const mip = run(solver, toLpText(p, { integer: true }));
  const mipMs = performance.now() - started;
  if (mip.Status === 'Infeasible') return empty();
  if (mip.Status !== 'Optimal') throw new AppError('unavailable', `The solver stopped without proving optimality (${mip.Status}).`);
  const chosenFlags = p.options.map((_, i) => (mip.Columns[col(i)]?.Primal ?? 0) > 0.5);
  const spendByYear = p.budgets.map((_, y) => p.options.reduce((s, o, i) => s + (chosenFlags[i] ? o.costs[y]! : 0), 0));

  // Shadow prices. A 0/1 problem has no true dual, so we report two honest approximations: (1) keep
  // every chosen option in and let the excluded ones be bought in fractions: the dual of each budget
  // row is the value the best left-over option would buy with one more pound; (2) the plain LP
  // relaxation's duals. Both are "value per £" at the margin, not a promise about whole options.
  const fixedIn = new Map<number, 0 | 1>();
  chosenFlags.forEach((c, i) => { if (c) fixedIn.set(i, 1); });
  const budgets: BudgetShadow[] = p.budgets.map((budget, year) => ({
    year, budget, spend: spendByYear[year]!, slack: budget - spendByYear[year]!,
    shadowPrice: marginalRate(solver, p, year, fixedIn),
    relaxedShadowPrice: marginalRate(solver, p, year, new Map()),
  }));

  const describe = (i: number): MarginalOption => {
    const o = p.options[i]!;
    const totalCost = o.costs.reduce((a, b) => a + b, 0);
    const reducedValue = o.value - budgets.reduce((s, b, y) => s + b.shadowPrice * o.costs[y]!, 0);
    return { id: o.id, value: o.value, totalCost, valuePerMillion: totalCost > 0 ? (o.value / totalCost) * 1e6 : null, reducedValue };
  };
  const ratio = (m: MarginalOption) => m.valuePerMillion ?? Number.POSITIVE_INFINITY;
  const marginalIn = p.options.map((_, i) => i).filter((i) => chosenFlags[i] && !p.options[i]!.mustDo).map(describe)
    .filter((m) => m.totalCost > 0).sort((a, b) => ratio(a) - ratio(b)).slice(0, marginCount);
  const marginalOut = p.options.map((_, i) => i).filter((i) => !chosenFlags[i]).map(describe)
    .filter((m) => m.value > 0).sort((a, b) => ratio(b) - ratio(a)).slice(0, marginCount);
  return {
    status: 'optimal', objective: p.options.reduce((s, o, i) => s + (chosenFlags[i] ? o.value : 0), 0),
    chosen: p.options.filter((_, i) => chosenFlags[i]).map((o) => o.id), chosenFlags, spendByYear, budgets,
    marginalIn, marginalOut, solveMs: performance.now() - started, mipMs,
    allYearsShadowPrice: marginalRate(solver, p, 'all', fixedIn),
  };
}
