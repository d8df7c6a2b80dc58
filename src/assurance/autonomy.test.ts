import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WccFramework } from './framework.ts';
import { allSubIndicators } from './framework.ts';
import { loadFrameworks, loadPolicies } from './load-frameworks.ts';
import { proposeAutonomy } from './autonomy.ts';
import { card, repeat } from './test-fixtures.ts';

const f = loadFrameworks().find((l) => l.framework.version === '2009-10')?.framework as WccFramework;
const policy = loadPolicies().find((p) => p.policy.version === '2009-10')?.policy;
if (!policy) throw new Error('policy wcc-earned-autonomy 2009-10 not found');
const ids = allSubIndicators(f).map((s) => s.id);
const pad = (n: number) => String(n).padStart(2, '0');

// G01–G18: governance green; G(k) has max(0, 11 − k) competencies at level 4, the rest at 3, so G11–G18 tie.
const strong = Array.from({ length: 18 }, (_, i) => {
  const k = i + 1;
  const fours = Math.max(0, 11 - k);
  return card(f, `G${pad(k)}`, [...repeat(4, fours), ...repeat(3, 11 - fours)]);
});
// W01–W09: every competency at level 1; W(k) has k − 1 amber sub-indicators (W01 green governance).
const weak = Array.from({ length: 9 }, (_, i) => card(f, `W${pad(i + 1)}`, repeat(1), ids.slice(0, i)));
// R01: world-class competencies but one red sub-indicator → governance red.
const red = card(f, 'R01', repeat(4), [], ['S1']);
// M01: green governance, competency 5 at level 1, 6 and 9 at level 2, the rest at 3 (mean 29/11 = 2.64).
const middling = card(f, 'M01', [3, 3, 3, 3, 1, 2, 3, 3, 2, 3, 3]);

const proposal = proposeAutonomy(f, policy, [...weak, red, middling, ...strong]);
const status = (org: string) => proposal.decisions.find((d) => d.orgCode === org)?.status;

test('counts follow the policy: 15 freedoms, 7 on notice, 1 directed development, the rest support', () => {
  assert.deepEqual(proposal.counts, { 'directed-development': 1, 'on-notice': 7, freedoms: 15, support: 6 });
});

test('red governance leads to directed development whatever the competencies', () => {
  assert.equal(status('R01'), 'directed-development');
  assert.match(proposal.decisions.find((d) => d.orgCode === 'R01')?.reasons.join(' ') ?? '', /governance is rated red overall/);
});

test('the bottom 7 qualifying PCTs are put on notice; the two best-ranked of them get support with a note', () => {
  assert.deepEqual(['W03', 'W04', 'W05', 'W06', 'W07', 'W08', 'W09'].map(status), repeat(0, 7).map(() => 'on-notice'));
  assert.equal(status('W01'), 'support');
  assert.equal(status('W02'), 'support');
  assert.match(proposal.decisions.find((d) => d.orgCode === 'W02')?.reasons.join(' ') ?? '', /limit of 7 was reached/);
});

test('the top 15 earn freedoms with their offers; a tie at the limit is flagged for confirmation', () => {
  const free = proposal.decisions.filter((d) => d.status === 'freedoms').map((d) => d.orgCode);
  assert.deepEqual(free, Array.from({ length: 15 }, (_, i) => `G${pad(i + 1)}`));
  assert.deepEqual(['G16', 'G17', 'G18'].map(status), ['support', 'support', 'support']);
  assert.ok(proposal.decisions[0].offers.includes('Multi-year budgets'));
  assert.equal(proposal.warnings.length, 1);
  assert.match(proposal.warnings[0], /sharing rank 11 straddle the limit of 15/);
});

test('a PCT below level 2 in any competency is not given freedoms and its support targets its weakest competencies', () => {
  const m = proposal.decisions.find((d) => d.orgCode === 'M01');
  assert.equal(m?.status, 'support');
  assert.deepEqual(m?.developmentFocus.map((c) => [c.number, c.level]), [[5, 1], [6, 2], [9, 2]]);
});

test('fewer qualifiers than the policy aims for raises a warning', () => {
  const few = proposeAutonomy(f, policy, [...strong.slice(0, 4), ...weak.slice(0, 2)]);
  assert.equal(few.counts.freedoms, 4);
  assert.ok(few.warnings.some((w) => /4 PCTs qualify, fewer than the 10/.test(w)), few.warnings.join('\n'));
});

test('a policy for another framework is refused', () => {
  assert.throws(() => proposeAutonomy({ ...f, id: 'other' }, policy, strong), /applies to framework "wcc"/);
});
