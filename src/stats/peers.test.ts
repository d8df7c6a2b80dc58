import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPeers, standardise } from './peers.ts';

const near = (a: number, b: number, what: string, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const areas = [
  { code: 'A', values: { imd: 10, old: 15 } },
  { code: 'B', values: { imd: 20, old: 15 } },
  { code: 'C', values: { imd: 30, old: 20 } },
  { code: 'D', values: { imd: 40, old: 10 } },
];

test('z-scores use the sample SD (R scale)', () => {
  const z = standardise(areas, ['imd', 'old']);
  // imd: mean 25, sd √(500/3) = 12.9099
  near(z.get('A')!.imd, -15 / Math.sqrt(500 / 3), 'A imd');
  // old: mean 15, sd √(50/3)
  near(z.get('C')!.old, 5 / Math.sqrt(50 / 3), 'C old');
});

test('nearest neighbours with distances, never the area itself', () => {
  const peers = findPeers(areas, 'B', { variables: ['imd', 'old'], k: 3 });
  const sImd = Math.sqrt(500 / 3); const sOld = Math.sqrt(50 / 3);
  const dist = (di: number, dold: number) => Math.sqrt((di / sImd) ** 2 + (dold / sOld) ** 2);
  assert.deepEqual(peers.map((p) => p.code), ['A', 'C', 'D']);
  near(peers[0].distance, dist(10, 0), 'A'); near(peers[1].distance, dist(10, 5), 'C'); near(peers[2].distance, dist(20, 5), 'D');
  near(peers[1].contributions.old, (5 / sOld) ** 2, 'C old contribution');
  assert.deepEqual(peers.map((p) => p.rank), [1, 2, 3]);
  assert.equal(findPeers(areas, 'B', { variables: ['imd'], k: 10 }).length, 3);
});

test('weights change the group: ignoring deprivation makes D far, age alone decides', () => {
  const peers = findPeers(areas, 'A', { variables: ['imd', 'old'], k: 1, weights: { imd: 0, old: 1 } });
  assert.equal(peers[0].code, 'B');
  assert.equal(peers[0].distance, 0);
});

test('ties go to the lower code; bad input is named', () => {
  const tied = [{ code: 'Z', values: { x: 1 } }, { code: 'M', values: { x: 3 } }, { code: 'Q', values: { x: 2 } }];
  assert.deepEqual(findPeers(tied, 'Q', { variables: ['x'], k: 2 }).map((p) => p.code), ['M', 'Z']);
  assert.throws(() => findPeers(tied, 'X', { variables: ['x'] }), /area X is not among/);
  assert.throws(() => findPeers([...tied, { code: 'Z', values: { x: 1 } }], 'Q', { variables: ['x'] }), /Z appears more than once/);
  assert.throws(() => findPeers([{ code: 'A', values: {} }, ...tied], 'Q', { variables: ['x'] }), /area A: variable x/);
  assert.throws(() => findPeers(tied, 'Q', { variables: ['x'], k: 0 }), /k must be/);
});
