// Statistical peers for opportunity sizing: the nearest neighbours of src/stats over the PCTs'
// characteristics, robust to a characteristic the data do not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestPeers } from './peers.ts';

const row = (code: string, imd: number | null, dep: number | null, young: number, old: number) =>
  ({ pct_code: code, imd_score: imd, share_most_deprived: dep, share_under_15: young, share_65_plus: old });

test('peers are the nearest areas over every characteristic, never the area itself', () => {
  const rows = [row('AAA', 40, 0.6, 0.2, 0.12), row('BBB', 39, 0.58, 0.21, 0.12), row('CCC', 10, 0.02, 0.15, 0.25),
    row('DDD', 12, 0.03, 0.16, 0.24), row('EEE', 25, 0.2, 0.18, 0.18)];
  const links = nearestPeers(rows, 2);
  assert.equal(links.length, 10);
  assert.deepEqual(links.filter((l) => l.pctCode === 'AAA').map((l) => l.peerCode), ['BBB', 'EEE']);
  assert.deepEqual(links.filter((l) => l.pctCode === 'CCC').map((l) => l.peerCode), ['DDD', 'EEE']);
  assert.ok(links.every((l) => l.peerCode !== l.pctCode));
  const aaa = links.filter((l) => l.pctCode === 'AAA');
  assert.ok(aaa[0]!.distance < aaa[1]!.distance);
});

test('without an IMD import the age structure alone chooses peers; an area missing a characteristic others have gets none', () => {
  const noImd = [row('AAA', null, null, 0.2, 0.1), row('BBB', null, null, 0.21, 0.11), row('CCC', null, null, 0.1, 0.3)];
  assert.deepEqual(nearestPeers(noImd, 1).map((l) => `${l.pctCode}>${l.peerCode}`), ['AAA>BBB', 'BBB>AAA', 'CCC>AAA']); // CCC–AAA: z distance² 1.64² + 1.77² = 5.8 < CCC–BBB 1.81² + 1.68² = 6.1
  const gap = [row('AAA', 40, 0.6, 0.2, 0.1), row('BBB', 30, 0.4, 0.2, 0.1), row('CCC', null, 0.1, 0.2, 0.1)];
  const links = nearestPeers(gap, 5);
  assert.ok(links.every((l) => l.pctCode !== 'CCC' && l.peerCode !== 'CCC'));
  assert.equal(links.length, 2);
  assert.deepEqual(nearestPeers([row('AAA', 1, 0, 0, 0)]), []);
});
