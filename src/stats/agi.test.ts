import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculateAgi, nationalPosition } from './agi.ts';

const near = (a: number, b: number, what: string, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('an exact gradient is recovered whatever the populations', () => {
  const areas = [0.05, 0.2, 0.3, 0.6, 0.9].map((r, i) => ({ nationalRank: r, population: 100 * (i + 1), value: 80 - 10 * r }));
  const got = calculateAgi(areas);
  near(got.agi, -10, 'slope'); near(got.intercept, 80, 'intercept'); near(got.rii, 70 / 80, 'rii');
  near(calculateAgi(areas, { multiplier: -1 }).rii, 80 / 70, 'rii inverted for negative multiplier');
});

test('hand-computed weighted slope', () => {
  // a = 0.25, 0.75 at b = 0, 1 → slope = y₁ − y₀ = 4 exactly (two points); add a third: a = (1,1,2)/4,
  // b = (0, .5, 1), y = (1, 3, 4): b̄ = .625, ȳ = 3, Sbb = .25·.390625 + .25·.015625 + .5·.140625 = .171875,
  // Sby = .25·(−.625)(−2) + .25·(−.125)(0) + .5·(.375)(1) = .5 → slope 2.909090…
  const got = calculateAgi([
    { nationalRank: 0, population: 1, value: 1 }, { nationalRank: 0.5, population: 1, value: 3 }, { nationalRank: 1, population: 2, value: 4 },
  ]);
  near(got.agi, 0.5 / 0.171875, 'slope');
});

test('Monte-Carlo limits are seeded, bracket the estimate and shrink with the SE', () => {
  const areas = [0.1, 0.3, 0.5, 0.7, 0.9].map((r) => ({ nationalRank: r, population: 1000, value: 50 + 20 * r, se: 2 }));
  const a = calculateAgi(areas, { repetitions: 2000, seed: 42 });
  const b = calculateAgi(areas, { repetitions: 2000, seed: 42 });
  const c = calculateAgi(areas, { repetitions: 2000, seed: 43 });
  assert.deepEqual(a, b);
  assert.notEqual(a.lowerCl, c.lowerCl);
  assert.ok((a.lowerCl as number) < 20 && (a.upperCl as number) > 20);
  // analytic SE of the slope: 2/√(Σ(b − b̄)²) = 2/√0.4 ≈ 3.162 → 95% half-width ≈ 6.2
  near(((a.upperCl as number) - (a.lowerCl as number)) / 2, 1.96 * 2 / Math.sqrt(0.4), 'half-width', 0.6);
  const tight = calculateAgi(areas.map((s) => ({ ...s, se: 0.001 })), { repetitions: 500, seed: 1 });
  near(tight.lowerCl as number, 20, 'tight lower', 0.01);
});

test('national position and bad input', () => {
  near(nationalPosition(1, 32844), 0.5 / 32844, 'most deprived');
  assert.throws(() => nationalPosition(0, 10), /between 1 and 10/);
  assert.throws(() => calculateAgi([{ nationalRank: 0.5, population: 1, value: 1 }, { nationalRank: 0.5, population: 1, value: 2 }]), /different national ranks/);
  assert.throws(() => calculateAgi([{ nationalRank: 1.5, population: 1, value: 1 }]), /small area 0: national rank/);
  assert.throws(() => calculateAgi([{ nationalRank: 0, population: 1, value: 1 }, { nationalRank: 1, population: 1, value: 1 }], { repetitions: 10 }), /standard error/);
});
