import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costPerQaly, swingWeights, weightedValue } from './appraisal.ts';

test('swing points become weights that sum to one', () => {
  const w = swingWeights([{ code: 'health', name: 'Health gain', swingPoints: 100 }, { code: 'ineq', name: 'Inequalities', swingPoints: 60 }, { code: 'fit', name: 'Fit', swingPoints: 40 }]);
  assert.equal(w.get('health'), 0.5);
  assert.equal(w.get('ineq'), 0.3);
  assert.ok(Math.abs([...w.values()].reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.throws(() => swingWeights([{ code: 'a', name: 'a', swingPoints: 0 }]));
});

test('weighted value is on 0–100 and needs every criterion scored', () => {
  const w = new Map([['a', 0.5], ['b', 0.5]]);
  assert.equal(weightedValue(w, new Map([['a', 10], ['b', 4]])), 70);
  assert.equal(weightedValue(w, new Map([['a', 10]])), null);
});

test('cost per QALY bands against £20,000–£30,000', () => {
  assert.deepEqual(costPerQaly(150_000, 10, 20_000, 30_000), { ratio: 15_000, band: 'below-threshold', worthDoing: true });
  assert.equal(costPerQaly(250_000, 10, 20_000, 30_000).band, 'within-threshold-range');
  assert.equal(costPerQaly(400_000, 10, 20_000, 30_000).worthDoing, false);
  assert.equal(costPerQaly(-50_000, 2, 20_000, 30_000).band, 'dominant');
  assert.equal(costPerQaly(50_000, 0, 20_000, 30_000).band, 'dominated');
  // Disinvestment: saves £400k and loses 5 QALYs = £80k saved per QALY forgone: worth it.
  assert.deepEqual(costPerQaly(-400_000, -5, 20_000, 30_000), { ratio: 80_000, band: 'saving-with-loss', worthDoing: true });
  assert.equal(costPerQaly(-100_000, -5, 20_000, 30_000).worthDoing, false);
});
