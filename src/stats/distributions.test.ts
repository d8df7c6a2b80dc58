import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalQuantile, normalCdf, tQuantile, chiSquareQuantile, chiSquareUpperQuantile,
  poissonLowerTail, poissonUpperTail, normaliseConfidence, twoSidedZ,
} from './distributions.ts';

function close(actual: number, expected: number, rel = 1e-12, label = ''): void {
  const tol = rel * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tol, `${label} got ${actual}, expected ${expected}`);
}

const probs = [1e-300, 1e-20, 1e-10, 1e-6, 0.0005, 0.001, 0.025, 0.1, 0.3, 0.5, 0.6, 0.8, 0.975, 0.999, 0.9995, 1 - 1e-12];

test('normal quantile matches published values of Φ⁻¹', () => {
  close(normalQuantile(0.975), 1.959963984540054, 1e-15, 'q(0.975)');
  close(normalQuantile(0.999), 3.090232306167813, 1e-14, 'q(0.999)');
  close(normalQuantile(0.5), 0, 0, 'q(0.5)');
  close(normalQuantile(0.8413447460685429), 1, 1e-13, 'q(Φ(1))');
  close(normalQuantile(0.02275013194817921), -2, 1e-13, 'q(Φ(-2))');
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('normal CDF inverts the normal quantile to 1e-12 across the range', () => {
  for (const p of probs) close(normalCdf(normalQuantile(p)), p, 1e-12, `p=${p}`);
  close(normalCdf(1.959963984540054), 0.975, 1e-15, 'Φ(1.96)');
  close(normalCdf(0), 0.5, 1e-16, 'Φ(0)');
});

test('Student t quantile matches the closed forms for 1 and 2 degrees of freedom', () => {
  for (const p of probs.slice(3, -1)) {
    close(tQuantile(p, 1), p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p)), 1e-12, `t1 p=${p}`);
    close(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12, `t2 p=${p}`);
  }
  close(tQuantile(0.975, 4), 2.7764451051977987, 1e-12, 't4');
  close(tQuantile(0.975, 1e7), 1.959963984540054, 1e-6, 't large df → normal');
  assert.ok(Number.isNaN(tQuantile(0.5, 0)));
});

test('chi-square quantile matches closed forms (k = 1, 2, 4) and gives 0 for k = 0', () => {
  for (const p of probs.slice(2, -1)) {
    close(chiSquareQuantile(p, 2), -2 * Math.log1p(-p), 1e-12, `k2 p=${p}`);
    close(chiSquareQuantile(p, 1), normalQuantile((1 + p) / 2) ** 2, 1e-12, `k1 p=${p}`);
    const x = chiSquareQuantile(p, 4);
    const cdf4 = -Math.expm1(-x / 2) - (x / 2) * Math.exp(-x / 2);
    close(cdf4, p, 1e-12, `k4 p=${p}`);
  }
  assert.equal(chiSquareQuantile(0.025, 0), 0);
  assert.equal(chiSquareQuantile(0.975, 0), 0);
  close(chiSquareUpperQuantile(0.025, 2), -2 * Math.log(0.025), 1e-12, 'upper k2');
});

function poissonCdfBySum(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) { term *= lambda / i; sum += term; }
  return sum;
}

test('Poisson tails agree with direct summation of the probability mass', () => {
  for (const lambda of [0.3, 1, 4.5, 12, 30]) {
    for (const k of [0, 1, 2, 5, 10, 25]) {
      close(poissonLowerTail(k, lambda), poissonCdfBySum(k, lambda), 1e-12, `P(X≤${k}|${lambda})`);
      const upper = k === 0 ? 1 : 1 - poissonCdfBySum(k - 1, lambda);
      close(poissonUpperTail(k, lambda), upper, 1e-12, `P(X≥${k}|${lambda})`);
    }
  }
  assert.equal(poissonUpperTail(0, 3), 1);
  assert.equal(poissonLowerTail(-1, 3), 0);
});

test('confidence levels accept both forms and z is two-sided', () => {
  assert.equal(normaliseConfidence(95), 0.95);
  assert.equal(normaliseConfidence(0.998), 0.998);
  assert.ok(Number.isNaN(normaliseConfidence(0.5)));
  close(twoSidedZ(0.95), 1.959963984540054, 1e-15, 'z95');
  close(twoSidedZ(0.998), 3.090232306167813, 1e-14, 'z99.8');
});
