import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WccFramework } from './framework.ts';
import { loadFrameworks } from './load-frameworks.ts';
import { wccLeague } from './league.ts';
import { card, repeat } from './test-fixtures.ts';

const f = loadFrameworks().find((l) => l.framework.version === '2009-10')?.framework as WccFramework;

// A: all green (32/32 = 1), all level 2 (22/44 = 0.5). B: one amber (31/32), all level 4 (1).
// C: all green (1), all level 3 (0.75).
const cards = [card(f, 'A', repeat(2)), card(f, 'B', repeat(4), ['F2']), card(f, 'C', repeat(3))];

test('ranks by governance first, then competencies, with change since last year', () => {
  const league = wccLeague(f, cards, new Map([['A', 1], ['B', 2], ['C', 3]]));
  assert.deepEqual(league.map((r) => [r.rank, r.orgCode, r.rankChange]), [[1, 'C', 2], [2, 'A', -1], [3, 'B', -1]]);
  assert.equal(league[2].governanceScore, 31 / 32);
  assert.equal(league[1].competencyScore, 0.5);
});

test('a weighted league combines governance and competencies by the framework weights', () => {
  const weighted: WccFramework = { ...f, league: { order: 'weighted', governanceWeight: 0.5, competencyWeight: 0.5 } };
  // A 0.75, B (0.96875 + 1)/2 = 0.984, C 0.875
  const league = wccLeague(weighted, cards);
  assert.deepEqual(league.map((r) => r.orgCode), ['B', 'C', 'A']);
  assert.equal(league[0].weightedScore?.toFixed(4), '0.9844');
});

test('equal scores share a rank and the next rank skips', () => {
  const league = wccLeague(f, [card(f, 'X', repeat(3)), card(f, 'Y', repeat(3)), card(f, 'Z', repeat(2))]);
  assert.deepEqual(league.map((r) => [r.rank, r.orgCode]), [[1, 'X'], [1, 'Y'], [3, 'Z']]);
});

test('an incomplete scorecard is refused with what is missing', () => {
  assert.throws(() => card(f, 'Q', repeat(3, 10)), /10 levels for 11 competencies/);
});
