import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSolver } from './highs.ts';
import { solvePortfolio } from './solve.ts';
import { bruteForceOptimum } from './brute-force.ts';
import { randomProblem } from './random-problem.ts';
import { isFeasible, type PortfolioProblem } from './model.ts';

test('the MIP optimum equals the brute-force optimum on 300 random problems of 4 to 12 options', async () => {
  const solver = await loadSolver();
  let feasibleCount = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const p = randomProblem(seed, 4 + (seed % 9));
    const brute = bruteForceOptimum(p);
    const mip = solvePortfolio(solver, p);
    assert.equal(mip.status === 'optimal', brute.feasible, `seed ${seed}: feasibility`);
    if (!brute.feasible) continue;
    feasibleCount++;
    assert.ok(Math.abs(mip.objective - brute.objective) < 1e-6, `seed ${seed}: MIP ${mip.objective} vs brute force ${brute.objective}`);
    assert.ok(isFeasible(p, mip.chosenFlags), `seed ${seed}: chosen set breaks a constraint`);
  }
  assert.ok(feasibleCount > 200, `only ${feasibleCount} feasible problems: the generator is too tight`);
});

const small: PortfolioProblem = {
  options: [
    { id: 'A', value: 10, costs: [100e4, 100e4] },
    { id: 'B', value: 6, costs: [50e4, 50e4] },
    { id: 'C', value: 5, costs: [50e4, 50e4] },
    { id: 'D', value: 1, costs: [10e4, 10e4] },
  ],
  budgets: [100e4, 100e4], requires: [], excludes: [],
};

test('prefers two cheaper options to one dear one when they give more value', async () => {
  const s = solvePortfolio(await loadSolver(), small);
  assert.deepEqual(s.chosen, ['B', 'C']);
  assert.equal(s.objective, 11);
});

test('honours a requirement, an exclusion and a must-do', async () => {
  const solver = await loadSolver();
  const s1 = solvePortfolio(solver, { ...small, requires: [['C', 'D']] });
  assert.deepEqual(s1.chosen, ['A']); // B+C needs D too: 110 > 100; A alone = 10 beats B+D = 7
  const s2 = solvePortfolio(solver, { ...small, excludes: [['B', 'C']] });
  assert.deepEqual(s2.chosen, ['A']);
  const s3 = solvePortfolio(solver, { ...small, options: small.options.map((o) => (o.id === 'D' ? { ...o, mustDo: true } : o)) });
  assert.ok(s3.chosen.includes('D'));
  assert.deepEqual(s3.chosen, ['B', 'D']); // A+D would cost 110 of 100; B+D (7) beats C+D (6)
});

test('reports an infeasible problem when a must-do does not fit the budget', async () => {
  const s = solvePortfolio(await loadSolver(), { ...small, budgets: [5e4, 5e4], options: small.options.map((o) => ({ ...o, mustDo: o.id === 'D' })) });
  assert.equal(s.status, 'infeasible');
});

test('the shadow price of a year is the value per pound of the best option left out', async () => {
  // Year 1 binding: B+C chosen (£1m of £1m). Left out: A and D, both 10 QALYs per £1m.
  const s = solvePortfolio(await loadSolver(), { ...small, budgets: [100e4, 1000e4] });
  assert.deepEqual(s.chosen, ['B', 'C']);
  assert.ok(Math.abs(s.budgets[0]!.shadowPrice * 1e6 - 10) < 1e-6, `got ${s.budgets[0]!.shadowPrice}`);
  assert.equal(s.budgets[1]!.shadowPrice, 0);
  assert.equal(s.budgets[1]!.slack, 900e4);
  assert.equal(s.marginalIn[0]!.id, 'C'); // 5 per 100 is the weakest chosen
});

test('when every year binds, money in one year buys nothing but money in all years does', async () => {
  const s = solvePortfolio(await loadSolver(), small); // B+C use £1m of £1m in both years
  assert.deepEqual(s.budgets.map((b) => b.shadowPrice), [0, 0]);
  // £1 more in each year buys 1/£1m of A or D (10 QALYs per £1m of each year's cost).
  assert.ok(Math.abs(s.allYearsShadowPrice * 1e6 - 10) < 1e-6, `got ${s.allYearsShadowPrice}`);
});
