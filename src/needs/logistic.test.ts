import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choleskySolve, fitLogistic, sigmoid } from './logistic.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('choleskySolve solves a symmetric positive-definite system', () => {
  const x = choleskySolve(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
  assert.ok(Math.abs(x[0]! - 0.5) < 1e-12 && Math.abs(x[1]!) < 1e-12);
});

test('fitLogistic recovers the coefficients that generated the data (original scale)', () => {
  const rnd = lcg(42);
  const n = 40_000;
  const x1 = new Float64Array(n), x2 = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = rnd() * 10; // uniform 0..10
    x2[i] = rnd() < 0.3 ? 1 : 0;
    y[i] = rnd() < sigmoid(-3 + 0.25 * x1[i]! + 1.2 * x2[i]!) ? 1 : 0;
  }
  const fit = fitLogistic([x1, x2], y, { lambda: 0.01 });
  assert.ok(fit.converged);
  assert.ok(Math.abs(fit.intercept + 3) < 0.15, `intercept ${fit.intercept}`);
  assert.ok(Math.abs(fit.coefficients[0]! - 0.25) < 0.03, `b1 ${fit.coefficients[0]}`);
  assert.ok(Math.abs(fit.coefficients[1]! - 1.2) < 0.1, `b2 ${fit.coefficients[1]}`);
});

test('a stronger L2 penalty shrinks coefficients towards zero, and a constant column gets zero', () => {
  const rnd = lcg(7);
  const n = 5_000;
  const x = new Float64Array(n), c = new Float64Array(n).fill(1), y = new Float64Array(n);
  for (let i = 0; i < n; i++) { x[i] = rnd(); y[i] = rnd() < sigmoid(-1 + 2 * x[i]!) ? 1 : 0; }
  const weak = fitLogistic([x, c], y, { lambda: 0.001 });
  const strong = fitLogistic([x, c], y, { lambda: 2000 });
  assert.ok(Math.abs(strong.coefficients[0]!) < Math.abs(weak.coefficients[0]!));
  assert.equal(weak.coefficients[1], 0);
});
