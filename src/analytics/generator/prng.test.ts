import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, mix32 } from './prng.js';

test('the same seed and key give the same stream; different keys differ', () => {
  const a = new Rng(42, 7);
  const b = new Rng(42, 7);
  const c = new Rng(42, 8);
  const sa = Array.from({ length: 20 }, () => a.nextU32());
  assert.deepEqual(sa, Array.from({ length: 20 }, () => b.nextU32()));
  assert.notDeepEqual(sa, Array.from({ length: 20 }, () => c.nextU32()));
});

test('uniform and Poisson draws have the expected means', () => {
  const r = new Rng(1);
  let s = 0;
  let p = 0;
  const n = 200_000;
  for (let i = 0; i < n; i++) {
    s += r.next();
    p += r.poisson(2.5);
  }
  assert.ok(Math.abs(s / n - 0.5) < 0.005);
  assert.ok(Math.abs(p / n - 2.5) < 0.02);
});

test('mix32 is a bijection on a sample (no collisions)', () => {
  const seen = new Set<number>();
  for (let i = 0; i < 100_000; i++) seen.add(mix32(i));
  assert.equal(seen.size, 100_000);
});
