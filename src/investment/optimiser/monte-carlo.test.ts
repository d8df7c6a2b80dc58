import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSolver } from './highs.ts';
import { runMonteCarlo, type OptionUncertainty } from './monte-carlo.ts';
import { createRelaxedModel } from './relaxed-model.ts';
import { randomProblem } from './random-problem.ts';
import { toLpText, type PortfolioProblem } from './model.ts';
import { SOLVER_OPTIONS } from './solve.ts';
import { SeededRandom } from '../../stats/rng.ts';

test('the warm-started relaxed model gives the same optimum as solving each drawn LP from scratch', async () => {
  const solver = await loadSolver();
  for (const seed of [3, 4, 5]) {
    const p = randomProblem(seed, 40);
    const relaxed = createRelaxedModel(solver, p);
    const rng = new SeededRandom(seed);
    for (let d = 0; d < 15; d++) {
      const values = Float64Array.from(p.options, (o) => o.value * (0.5 + rng.uniform()));
      const factors = Float64Array.from(p.options, () => 0.8 + rng.uniform() * 0.6);
      const fast = relaxed.solve(values, factors);
      const costs = p.options.map((o, i) => o.costs.map((c) => c * factors[i]!));
      const slow = solver.solve(toLpText(p, { integer: false, values: [...values], costs }), SOLVER_OPTIONS);
      assert.equal(fast === null, slow.Status !== 'Optimal', `seed ${seed} draw ${d}: status`);
      if (fast) assert.ok(Math.abs(fast.objective - slow.ObjectiveValue) < 1e-6 * Math.max(1, Math.abs(slow.ObjectiveValue)), `seed ${seed} draw ${d}: ${fast.objective} vs ${slow.ObjectiveValue}`);
    }
    relaxed.dispose();
  }
});

const certain = (v: number): OptionUncertainty => ({ value: { low: v, likely: v, high: v }, costFactor: { low: 1, likely: 1, high: 1 } });

test('a clearly best option is always in, an unaffordable one never, and a close call sometimes', async () => {
  const p: PortfolioProblem = {
    options: [
      { id: 'best', value: 50, costs: [100e3] },
      { id: 'toodear', value: 60, costs: [900e3] },
      { id: 'x', value: 10, costs: [200e3] },
      { id: 'y', value: 10, costs: [200e3] },
    ],
    budgets: [300e3], requires: [], excludes: [],
  };
  const close: OptionUncertainty = { value: { low: 5, likely: 10, high: 15 }, costFactor: { low: 1, likely: 1, high: 1 } };
  const r = runMonteCarlo(await loadSolver(), p, { draws: 400, seed: 11, shape: 'triangular', mode: 'mip', uncertainty: [certain(50), certain(60), close, close] });
  assert.equal(r.solved, 400);
  assert.equal(r.probabilityIn[0], 1);
  assert.equal(r.probabilityIn[1], 0);
  assert.ok(r.probabilityIn[2]! > 0.35 && r.probabilityIn[2]! < 0.65, `x in ${r.probabilityIn[2]}`);
  assert.ok(Math.abs(r.probabilityIn[2]! + r.probabilityIn[3]! - 1) < 1e-9, 'exactly one of x and y fits');
  assert.ok(r.objective.p5 <= r.objective.p50 && r.objective.p50 <= r.objective.p95);
});

test('the same seed gives the same probabilities', async () => {
  const solver = await loadSolver();
  const p = randomProblem(21, 30);
  const unc = p.options.map((o) => ({ value: { low: Math.min(0, o.value), likely: o.value, high: Math.max(0, o.value) * 1.5 }, costFactor: { low: 0.9, likely: 1, high: 1.3 } }));
  const a = runMonteCarlo(solver, p, { draws: 50, seed: 5, shape: 'pert', mode: 'lp', uncertainty: unc });
  const b = runMonteCarlo(solver, p, { draws: 50, seed: 5, shape: 'pert', mode: 'lp', uncertainty: unc });
  assert.deepEqual(a.probabilityIn, b.probabilityIn);
});
