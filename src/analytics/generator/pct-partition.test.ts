import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partitionPcts } from './pct-partition.js';
import { loadReferenceData } from './reference-data.js';

const ref = loadReferenceData();

test('PCT ranges are contiguous, cover every PCT once and are balanced by population, not PCT count', () => {
  const weight = (lo: number, hi: number) => ref.areas.filter((a) => { const i = ref.pcts.findIndex((p) => p.code === a.pctCode); return i >= lo && i < hi; }).length;
  for (const k of [1, 2, 3, 4, 8]) {
    const ranges = partitionPcts(ref, k);
    assert.equal(ranges.length, k);
    assert.equal(ranges[0][0], 0);
    assert.equal(ranges[k - 1][1], ref.pcts.length);
    for (let i = 1; i < k; i++) assert.equal(ranges[i][0], ranges[i - 1][1]);
    for (const [lo, hi] of ranges) {
      assert.ok(hi > lo);
      // within one average PCT (≈ 214 small areas) of an equal share
      assert.ok(Math.abs(weight(lo, hi) - ref.areas.length / k) < 300, `k=${k} [${lo},${hi}) has ${weight(lo, hi)} areas`);
    }
  }
});

test('more parts than PCTs gives one PCT each; nonsense is refused', () => {
  const small = { pcts: ref.pcts.slice(0, 3), areas: ref.areas.filter((a) => ref.pcts.slice(0, 3).some((p) => p.code === a.pctCode)) };
  assert.deepEqual(partitionPcts(small, 5), [[0, 1], [1, 2], [2, 3]]);
  assert.throws(() => partitionPcts(ref, 0), /whole number/);
  assert.throws(() => partitionPcts(ref, 1.5), /whole number/);
});
