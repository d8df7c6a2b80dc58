// Exhaustive search over every subset: the reference the MIP is tested against (n ≤ ~16).
import { isFeasible, type PortfolioProblem } from './model.ts';

export function bruteForceOptimum(p: PortfolioProblem): { objective: number; feasible: boolean } {
  const n = p.options.length;
  let best = Number.NEGATIVE_INFINITY;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen = p.options.map((_, i) => (mask & (1 << i)) !== 0);
    if (!isFeasible(p, chosen)) continue;
    const v = p.options.reduce((s, o, i) => s + (chosen[i] ? o.value : 0), 0);
    if (v > best) best = v;
  }
  return { objective: best, feasible: best > Number.NEGATIVE_INFINITY };
}
