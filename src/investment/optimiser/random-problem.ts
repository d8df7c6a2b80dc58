// Random portfolio problems for tests and benchmarks: costs over five years, some disinvestments,
// dependency chains, exclusive pairs and an occasional must-do, all from a seed.
import { SeededRandom } from '../../stats/rng.ts';
import type { PortfolioProblem } from './model.ts';

export function randomProblem(seed: number, n: number, years = 5): PortfolioProblem {
  const rng = new SeededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.uniform() * (hi - lo + 1));
  const options = Array.from({ length: n }, (_, i) => {
    const disinvest = rng.uniform() < 0.12;
    const base = int(20, 400) * 1000;
    const costs = Array.from({ length: years }, (_, y) => (disinvest ? -1 : 1) * Math.round(base * (y === 0 ? 1.5 : 0.6 + rng.uniform() * 0.8)));
    const value = disinvest ? -Math.round(rng.uniform() * 3 * 10) / 10 : Math.round(rng.uniform() * 40 * 10) / 10;
    return { id: `o${i}`, value, costs, mustDo: rng.uniform() < 0.03 };
  });
  const totals = Array.from({ length: years }, (_, y) => options.reduce((s, o) => s + Math.max(0, o.costs[y]!), 0));
  const budgets = totals.map((t) => Math.round(t * (0.25 + rng.uniform() * 0.3)));
  const requires: [string, string][] = [];
  const excludes: [string, string][] = [];
  for (let i = 1; i < n; i++) {
    const u = rng.uniform();
    if (u < 0.15) requires.push([`o${i}`, `o${int(0, i - 1)}`]);
    else if (u < 0.22) excludes.push([`o${i}`, `o${int(0, i - 1)}`]);
  }
  return { options, budgets, requires, excludes };
}
