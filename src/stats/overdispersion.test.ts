import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateOverdispersion } from './overdispersion.ts';

const near = (a: number, b: number, what: string, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('hand-computed: z = −4,−2,0,2,4 winsorised to ±3.2, φ = 5.696, τ² = 0.0153', () => {
  const units = [0.1, 0.2, 0.3, 0.4, 0.5].map((y) => ({ y, s: 0.05 }));
  const r = estimateOverdispersion(units, { theta: 0.3 });
  assert.deepEqual(r.units.map((u) => Math.round(u.z * 1e9) / 1e9), [-4, -2, 0, 2, 4]);
  near(r.units[0].zWinsorised, -3.2, 'winsorised low'); near(r.units[4].zWinsorised, 3.2, 'winsorised high');
  near(r.phi, 5.696, 'phi');
  assert.equal(r.overdispersed, true);
  // Σw = 2000, Σw²/Σw = 400 → τ² = (28.48 − 4)/1600
  near(r.tau2, 24.48 / 1600, 'tau2');
  const sd = Math.sqrt(0.0025 + 24.48 / 1600);
  near(r.units[0].limits[0].upper, 0.3 + 1.959963984540054 * sd, '95% upper', 1e-12);
  near(r.units[0].zAdjusted, -0.2 / sd, 'adjusted z');
  assert.equal(r.winsorisedBelow, 1); assert.equal(r.winsorisedAbove, 1);
});

test('no overdispersion: τ² = 0 and limits are θ ± z·s', () => {
  const units = [{ y: 10.1, s: 1 }, { y: 9.8, s: 1 }, { y: 10.0, s: 2 }, { y: 10.2, s: 0.5 }];
  const r = estimateOverdispersion(units, { theta: 10 });
  assert.equal(r.overdispersed, false);
  assert.equal(r.tau2, 0);
  near(r.units[3].limits[1].upper, 10 + 3.090232306167813 * 0.5, '99.8% upper', 1e-12);
});

test('θ defaults to the inverse-variance weighted mean', () => {
  // weights 1, 4 → θ = (1·1 + 4·3)/5 = 2.6
  const r = estimateOverdispersion([{ y: 1, s: 1 }, { y: 3, s: 0.5 }]);
  near(r.theta, 2.6, 'theta');
});

test('bad input names the unit and the reason', () => {
  assert.throws(() => estimateOverdispersion([{ y: 1, s: 1 }]), /at least 2/);
  assert.throws(() => estimateOverdispersion([{ y: 1, s: 1 }, { y: 1, s: 0 }]), /unit 1: standard error/);
  assert.throws(() => estimateOverdispersion([{ y: 1, s: 1 }, { y: 1, s: 1 }], { levels: [50] }), /confidence level 50/);
});
