import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrate, ols } from './calibration.ts';

test('ols recovers an exact linear relation', () => {
  const x = [[1, 1], [1, 2], [1, 3], [1, 4]];
  const b = ols(x, [3, 5, 7, 9]) as number[];
  assert.ok(Math.abs(b[0] - 1) < 1e-9 && Math.abs(b[1] - 2) < 1e-9);
});

test('an SHA whose panels score a level above what self-assessment and outcomes predict is flagged lenient', () => {
  const rows = [];
  let seed = 7;
  const noise = () => { seed = (seed * 16807) % 2147483647; return (seed / 2147483647 - 0.5) * 0.2; };
  for (const sha of ['Q30', 'Q31', 'Q32', 'Q33']) {
    for (let i = 0; i < 12; i++) {
      const selfMean = 1.5 + (i % 4) * 0.5;
      const outcomeIndex = (i % 3) - 1;
      const truth = 0.2 + 0.8 * selfMean + 0.3 * outcomeIndex + noise();
      const panel = truth + (sha === 'Q31' ? 0.8 : 0) - (sha === 'Q33' ? 0.8 : 0);
      rows.push({ shaCode: sha, orgCode: `${sha}-${i}`, panelLevels: { '1': panel, '2': panel }, selfMean, outcomeIndex });
    }
  }
  const c = calibrate(rows);
  assert.deepEqual(c.model.terms, ['intercept', 'selfMean', 'outcomeIndex']);
  const flag = Object.fromEntries(c.shas.map((s) => [s.shaCode, s.flag]));
  assert.equal(flag.Q31, 'lenient');
  assert.equal(flag.Q33, 'harsh');
  assert.equal(flag.Q30, null);
  assert.equal(flag.Q32, null);
});

test('distributions count agreed levels by SHA and competency', () => {
  const c = calibrate([
    { shaCode: 'Q36', orgCode: 'A', panelLevels: { '5': 2, '6': 1 }, selfMean: 3, outcomeIndex: null },
    { shaCode: 'Q36', orgCode: 'B', panelLevels: { '5': 2, '6': 3 }, selfMean: 2, outcomeIndex: null },
  ]);
  const d5 = c.distributions.find((d) => d.competency === '5');
  assert.deepEqual(d5?.counts, [0, 2, 0, 0]);
  assert.equal(c.distributions.find((d) => d.competency === '6')?.mean, 2);
  assert.deepEqual(c.model.terms, ['intercept']);   // too few PCTs to fit self and outcomes
});
