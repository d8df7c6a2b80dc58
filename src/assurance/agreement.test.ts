import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelAgreement } from './agreement.ts';

test('two raters who agree everywhere have kappa 1 and full agreement', () => {
  const levels = { 1: 2, 2: 3, 3: 1, 4: 4 };
  const r = panelAgreement([{ raterId: 'a', levels, rags: { S1: 'green' } }, { raterId: 'b', levels, rags: { S1: 'green' } }]);
  assert.equal(r.pairs.length, 1);
  assert.equal(r.meanKappa, 1);
  assert.equal(r.levelExactAgreement, 1);
  assert.equal(r.ragExactAgreement, 1);
});

test('disagreement lowers kappa; linear weights credit near misses (hand-computed)', () => {
  // a: 1 2 3 4, b: 1 2 4 4 → one near miss of one level
  const r = panelAgreement([{ raterId: 'a', levels: { 1: 1, 2: 2, 3: 3, 4: 4 }, rags: {} }, { raterId: 'b', levels: { 1: 1, 2: 2, 3: 4, 4: 4 }, rags: {} }]);
  // observed weighted disagreement = (1/3)/4 = 1/12; expected = Σ |i−j|/3 · p_i q_j with p = ¼ each, q = (¼, ¼, 0, ½)
  const p = [0.25, 0.25, 0.25, 0.25]; const q = [0.25, 0.25, 0, 0.5];
  let exp = 0; for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) exp += Math.abs(i - j) / 3 * p[i] * q[j];
  assert.ok(Math.abs((r.meanKappa as number) - (1 - (1 / 12) / exp)) < 1e-12);
  assert.equal(r.levelExactAgreement, 0.75);
});

test('kappa is null when both raters used one level only; one rater gives no pairs', () => {
  const same = { 1: 2, 2: 2 };
  assert.equal(panelAgreement([{ raterId: 'a', levels: same, rags: {} }, { raterId: 'b', levels: same, rags: {} }]).meanKappa, null);
  assert.deepEqual(panelAgreement([{ raterId: 'a', levels: same, rags: {} }]).pairs, []);
});
