import { test } from 'node:test';
import assert from 'node:assert/strict';
import { affordability, computePlan, financialYear, type PlanInputs } from './plan.ts';
import { loadRiskRules, rateFinancialRisk } from './risk-rating.ts';

const inputs: PlanInputs = {
  allocation: 100_000_000,
  baselineByProgramme: { '10': 60_000_000, '2': 38_000_000 },
  scenarios: [
    { name: 'low', allocationGrowth: [0, 0.02, 0.02, 0.02, 0.02], costGrowth: [0, 0.03, 0.03, 0.03, 0.03] },
    { name: 'central', allocationGrowth: [0, 0.05, 0.05, 0.05, 0.05], costGrowth: [0, 0.03, 0.03, 0.03, 0.03] },
  ],
  efficiency: [0, 500_000, 1_000_000, 1_500_000, 2_000_000],
  contingencyPct: 0.5,
  nonRecurringIncome: [0, 0, 0, 0, 0],
};
const inv = { recurring: [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000], nonRecurring: [200_000, 0, 0, 0, 0] };

test('year 1 and year 2 of the central scenario, by hand', () => {
  const central = computePlan(inputs, inv).find((s) => s.name === 'central')!;
  const y1 = central.years[0]!;
  // 98m baseline + 1m + 0.2m investment + 0.5m contingency = 99.7m against 100m
  assert.equal(y1.expenditure, 99_700_000);
  assert.equal(y1.surplus, 300_000);
  assert.ok(Math.abs(y1.surplusPct - 0.3) < 1e-9);
  const y2 = central.years[1]!;
  // allocation 105m; baseline 100.94m; + 1m - 0.5m + 0.525m = 101.965m → surplus 3.035m
  assert.ok(Math.abs(y2.allocation - 105_000_000) < 1e-6);
  assert.ok(Math.abs(y2.surplus - 3_035_000) < 1e-6);
  assert.ok(Math.abs(y2.recurringBalance - (105_000_000 - 100_940_000 - 1_000_000 + 500_000)) < 1e-6);
});

test('the low scenario goes into deficit, the plan is affordable on central, and the rating follows the rules', () => {
  const results = computePlan(inputs, inv);
  const low = results.find((s) => s.name === 'low')!;
  assert.ok(low.years[4]!.surplus < 0);
  assert.deepEqual(affordability(results, '2009-10'), { affordable: true, reasons: [] });
  const rating = rateFinancialRisk(results, inputs.contingencyPct, loadRiskRules());
  // central lowest surplus is 0.3% (< 0.5%), so not 3 or 4; low growth falls below -3%? check rule 2.
  const lowMin = Math.min(...low.years.map((y) => y.surplusPct));
  assert.equal(rating.rating, lowMin >= -3 ? 2 : 1);
  assert.equal(rating.rag, lowMin >= -3 ? 'amber' : 'red');
});

test('a year-1 deficit makes the plan unaffordable and names the year', () => {
  const results = computePlan({ ...inputs, allocation: 99_000_000 }, inv);
  const a = affordability(results, '2009-10');
  assert.equal(a.affordable, false);
  // 98m + 1.2m + 0.495m contingency (0.5% of 99m) = 99.695m against 99m
  assert.match(a.reasons[0]!, /deficit of £695,000 in 2009-10/);
  assert.equal(rateFinancialRisk(results, 0.5, loadRiskRules()).rating, 1);
});

test('a healthy plan with contingency and recurring balance rates 4 (green)', () => {
  const rich = computePlan({ ...inputs, allocation: 105_000_000, scenarios: inputs.scenarios.map((s) => ({ ...s, allocationGrowth: [0, 0.05, 0.05, 0.05, 0.05] })) }, inv);
  assert.deepEqual([rateFinancialRisk(rich, 1, loadRiskRules()).rating, rateFinancialRisk(rich, 1, loadRiskRules()).rag], [4, 'green']);
  assert.equal(rateFinancialRisk(rich, 0, loadRiskRules()).rating, 2); // no contingency: fails rules 4 and 3
  assert.equal(financialYear('2009-10', 3), '2012-13');
  assert.equal(financialYear('1999-00', 1), '2000-01');
});
