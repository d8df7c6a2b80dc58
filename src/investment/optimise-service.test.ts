import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemOf } from './optimise-service.ts';
import type { RoundDetail, OptionView } from './rounds-service.ts';

const option = (code: string, extra: Partial<OptionView> = {}): OptionView => ({
  id: 1, roundId: 1, code, title: code, programme: '10', kind: 'investment', description: '', activityChange: '',
  recurringCosts: [100, 100, 100, 100, 100], nonRecurringCosts: [50, 0, 0, 0, 0], qalyLow: 1, qalyLikely: 2, qalyHigh: 3,
  costLowFactor: 0.9, costHighFactor: 1.2, outcomes: [], inequalities: 'neutral', risk: 'medium', strategicFit: 3, evidence: [],
  mustDo: false, requires: [], excludes: [], totalCost: 550, costPerQaly: 275, costEffectiveness: 'below-threshold', worthDoing: true, weightedValue: 60, ...extra,
});
const detail = (objective: 'qalys' | 'weighted', options: OptionView[]): RoundDetail => ({
  round: { id: 1, orgCode: '5C2', title: 't', firstYear: '2009-10', budgets: [1, 2, 3, 4, 5], objective, thresholdLow: 20000, thresholdHigh: 30000, outcomes: [], status: 'open', createdAt: '' },
  criteria: [], options,
});

test('a QALY round optimises likely QALYs over recurring plus non-recurring cost, with its dependencies', () => {
  const p = problemOf(detail('qalys', [option('A', { requires: ['B'], mustDo: true }), option('B', { excludes: ['C'] }), option('C', { qalyLikely: 7 })]));
  assert.deepEqual(p.options.map((o) => [o.id, o.value, o.mustDo]), [['A', 2, true], ['B', 2, false], ['C', 7, false]]);
  assert.deepEqual(p.options[0]!.costs, [150, 100, 100, 100, 100]);
  assert.deepEqual(p.requires, [['A', 'B']]);
  assert.deepEqual(p.excludes, [['B', 'C']]);
  assert.deepEqual(p.budgets, [1, 2, 3, 4, 5]);
});

test('a weighted round uses the agreed weighted value and needs it for every option', () => {
  assert.deepEqual(problemOf(detail('weighted', [option('A', { weightedValue: 71 })])).options.map((o) => o.value), [71]);
  assert.throws(() => problemOf(detail('weighted', [option('A'), option('B', { weightedValue: null })])), /missing for B/);
});

test('refuses a dependency on an option that is not in the round', () => {
  assert.throws(() => problemOf(detail('qalys', [option('A', { requires: ['ZZ'] })])), /A refers to ZZ/);
});
