import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, placeInQuadrants, weightedPopulation } from './spend-outcome.ts';

test('weighted population multiplies each cell by its age-sex weight', () => {
  const w = [{ ageBand: '0-4', male: 1.2, female: 1 }, { ageBand: '85+', male: 5, female: 4 }];
  const r = weightedPopulation([{ ageBand: '0-4', sex: 'male', population: 100 }, { ageBand: '85+', sex: 'female', population: 10 }], w);
  assert.equal(r.population, 110);
  assert.equal(r.weighted, 120 + 40);
  assert.throws(() => weightedPopulation([{ ageBand: '5-9', sex: 'male', population: 1 }], w), /no needs weight/);
});

test('places PCTs in quadrants against the peer medians, respecting polarity', () => {
  const pts = [
    { orgCode: 'A', spendPerHead: 200, outcome: 120 }, // high spend, high mortality -> poor
    { orgCode: 'B', spendPerHead: 100, outcome: 60 }, // low spend, low mortality -> good
    { orgCode: 'C', spendPerHead: 180, outcome: 70 },
    { orgCode: 'D', spendPerHead: 120, outcome: 110 },
    { orgCode: 'E', spendPerHead: 150, outcome: null },
  ];
  const r = placeInQuadrants(pts, 'lower-is-better');
  assert.equal(r.spendMedian, 150);
  assert.equal(r.outcomeMedian, 90);
  assert.deepEqual(r.points.map((p) => p.quadrant), ['high-spend-poor-outcome', 'low-spend-good-outcome', 'high-spend-good-outcome', 'low-spend-poor-outcome', null]);
  assert.deepEqual(r.points.filter((p) => p.flagged).map((p) => p.orgCode), ['A', 'B']);
  const flipped = placeInQuadrants(pts, 'higher-is-better');
  assert.equal(flipped.points[0]!.quadrant, 'high-spend-good-outcome');
  assert.equal(median([3, 1, 2]), 2);
});
