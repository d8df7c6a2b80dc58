import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobPercent, phaseText } from './phase.ts';

test('a known phase reads as a sentence with its percentage', () => {
  assert.equal(phaseText('validating', 57.4), 'Checking every row (57%)');
  assert.equal(phaseText(null, 0), 'Starting (0%)');
});

test('an unknown phase is shown as the server wrote it', () => {
  assert.equal(phaseText('12 errors', 65), '12 errors (65%)');
});

test('job progress is a whole percentage kept within 0 to 100', () => {
  assert.equal(jobPercent(45, 100), 45);
  assert.equal(jobPercent(1, 3), 33);
  assert.equal(jobPercent(5, null), 0);
  assert.equal(jobPercent(150, 100), 100);
});
