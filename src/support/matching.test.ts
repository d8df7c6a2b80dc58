import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchOffers, meanChange, weakestCompetencies } from './matching.ts';

test('the weakest competencies include every tie at the cut-off level', () => {
  const scores = [{ competency: 1, level: 3 }, { competency: 5, level: 1 }, { competency: 9, level: 2 }, { competency: 7, level: 2 }, { competency: 2, level: 4 }];
  assert.deepEqual(weakestCompetencies(scores, 2), [5, 7, 9]);
  assert.deepEqual(weakestCompetencies(scores, 1), [5]);
  assert.deepEqual(weakestCompetencies([]), []);
});

test('offers that address weak competencies come first, weakest first; others are left out', () => {
  const offers = [{ id: 'a', competencies: [2] }, { id: 'b', competencies: [9] }, { id: 'c', competencies: [5, 9] }, { id: 'd', competencies: [5] }];
  assert.deepEqual(matchOffers([5, 9], offers).map((o) => [o.id, o.addresses]), [['c', [5, 9]], ['d', [5]], ['b', [9]]]);
});

test('mean change in level over the competencies scored both years', () => {
  assert.equal(meanChange([{ competency: 1, level: 1 }, { competency: 2, level: 2 }], [{ competency: 1, level: 2 }, { competency: 2, level: 4 }, { competency: 3, level: 1 }]), 1.5);
  assert.equal(meanChange([], [{ competency: 1, level: 2 }]), null);
});
