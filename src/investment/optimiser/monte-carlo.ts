// Uncertainty: draw each option's value and cost from its range, re-optimise, and count how often each
// option is in the optimal set. 'mip' re-solves the 0/1 problem exactly (rounds of tens of options);
// 'lp' solves the relaxed problem and counts fractional funding (large problems, benchmarks).
import { SeededRandom } from '../../stats/rng.ts';
import { col, toLpText, type PortfolioProblem } from './model.ts';
import { drawRange, type Range, type RangeShape } from './distributions.ts';
import { SOLVER_OPTIONS } from './solve.ts';
import { createRelaxedModel } from './relaxed-model.ts';
import type { Solver } from './highs.ts';

export interface OptionUncertainty {
  value: Range;
  /** Multiplier on every year's cost, e.g. { low: 0.9, likely: 1, high: 1.3 }. */
  costFactor: Range;
}

export interface MonteCarloRequest {
  draws: number;
  seed: number;
  shape: RangeShape;
  mode: 'mip' | 'lp';
  uncertainty: OptionUncertainty[];
}

export interface MonteCarloResult {
  draws: number;
  solved: number;
  infeasible: number;
  seed: number;
  shape: RangeShape;
  mode: 'mip' | 'lp';
  /** Per option (problem order): share of feasible draws in which it is in the optimal set. */
  probabilityIn: number[];
  objective: { mean: number; p5: number; p50: number; p95: number };
  elapsedMs: number;
}

function solveMip(solver: Solver, p: PortfolioProblem, values: Float64Array, factors: Float64Array): { objective: number; x: Float64Array } | null {
  const costs = p.options.map((o, i) => o.costs.map((c) => c * factors[i]!));
  const r = solver.solve(toLpText(p, { integer: true, values: [...values], costs }), SOLVER_OPTIONS);
  if (r.Status !== 'Optimal') return null;
  return { objective: r.ObjectiveValue, x: Float64Array.from(p.options, (_, i) => r.Columns[col(i)]?.Primal ?? 0) };
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function runMonteCarlo(solver: Solver, p: PortfolioProblem, req: MonteCarloRequest, onProgress?: (done: number) => void): MonteCarloResult {
  const started = performance.now();
  const rng = new SeededRandom(req.seed);
  const n = p.options.length;
  const counts = new Array<number>(n).fill(0);
  const objectives: number[] = [];
  let infeasible = 0;
  const relaxed = req.mode === 'lp' ? createRelaxedModel(solver, p) : null;
  try {
    for (let d = 0; d < req.draws; d++) {
      const values = Float64Array.from(req.uncertainty, (u) => drawRange(rng, u.value, req.shape));
      const factors = Float64Array.from(req.uncertainty, (u) => drawRange(rng, u.costFactor, req.shape));
      const solved = relaxed ? relaxed.solve(values, factors) : solveMip(solver, p, values, factors);
      if (!solved) { infeasible++; continue; }
      objectives.push(solved.objective);
      for (let i = 0; i < n; i++) {
        const x = solved.x[i]!;
        counts[i]! += req.mode === 'mip' ? (x > 0.5 ? 1 : 0) : Math.min(1, Math.max(0, x));
      }
      if (onProgress && d % 100 === 99) onProgress(d + 1);
    }
  } finally {
    relaxed?.dispose();
  }
  const solved = objectives.length;
  objectives.sort((a, b) => a - b);
  return {
    draws: req.draws, solved, infeasible, seed: req.seed, shape: req.shape, mode: req.mode,
    probabilityIn: counts.map((c) => (solved ? c / solved : 0)),
    objective: { mean: solved ? objectives.reduce((a, b) => a + b, 0) / solved : 0, p5: quantile(objectives, 0.05), p50: quantile(objectives, 0.5), p95: quantile(objectives, 0.95) },
    elapsedMs: performance.now() - started,
  };
}
