import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OversightFramework, OversightMetric } from './framework.ts';
import { loadFrameworks } from './load-frameworks.ts';
import { scoreByPeerQuartile, scoreByThresholds, segmentTrusts, type TrustInput } from './segmentation.ts';
import { oversightLeague, previousRanks } from './league.ts';

const f = loadFrameworks().find((l) => l.framework.era === 'oversight')?.framework as OversightFramework;

// Four trusts have every metric, so peer-quartile scores equal their rank (n = 4: ⌈4·rank/4⌉ = rank).
const trusts: TrustInput[] = [
  { orgCode: 'RA1', flags: [], values: { 'rtt-18-weeks': 70, 'rtt-52-weeks': 0.5, 'ae-4-hours': 80, 'cancer-62-days': 80,
    shmi: 0.90, 'readmissions-30-days': 10, 'raising-concerns': 7.0, 'sickness-absence': 4.0, 'plan-variance': 0.2 } },
  // Scores 1,1,1,1,2,2,2,1,2 → mean 13/9 = 1.44 → segment 1, but in deficit → capped at 3.
  { orgCode: 'RB2', flags: ['in-deficit'], values: { 'rtt-18-weeks': 70, 'rtt-52-weeks': 0.5, 'ae-4-hours': 80, 'cancer-62-days': 80,
    shmi: 0.95, 'readmissions-30-days': 11, 'raising-concerns': 6.8, 'sickness-absence': 4.0, 'plan-variance': -0.3 } },
  // Scores 3,3,3,4,3,3,3,3,3 → mean 28/9 = 3.11 → segment 3; the intensive-support flag applies only from segment 4.
  { orgCode: 'RC3', flags: ['intensive-support-programme'], values: { 'rtt-18-weeks': 58, 'rtt-52-weeks': 2.5, 'ae-4-hours': 72,
    'cancer-62-days': 60, shmi: 1.05, 'readmissions-30-days': 12, 'raising-concerns': 6.5, 'sickness-absence': 5.2, 'plan-variance': -0.8 } },
  // Every score 4 → segment 4 → intensive support → segment 5.
  { orgCode: 'RD4', flags: ['intensive-support-programme', 'in-deficit'], values: { 'rtt-18-weeks': 50, 'rtt-52-weeks': 4, 'ae-4-hours': 65,
    'cancer-62-days': 60, shmi: 1.2, 'readmissions-30-days': 14, 'raising-concerns': 6.0, 'sickness-absence': 6, 'plan-variance': -2 } },
  // Only three metrics: fewer than the six required, so no segment.
  { orgCode: 'RE5', flags: [], values: { 'rtt-18-weeks': 66, 'ae-4-hours': 79, 'sickness-absence': 4 } },
  // Six threshold metrics on the boundaries: 1,1,1,2,2,2 → mean exactly 1.5 → segment 1 (bands include their upper bound).
  { orgCode: 'RF6', flags: [], values: { 'rtt-18-weeks': 65, 'rtt-52-weeks': 1, 'ae-4-hours': 78, 'cancer-62-days': 72,
    'sickness-absence': 4.8, 'plan-variance': -0.5, shmi: null } },
];

const results = segmentTrusts(f, trusts);
const get = (org: string) => results.find((r) => r.orgCode === org);

test('segments trusts by mean metric score, then applies the finance cap and intensive support', () => {
  assert.deepEqual(results.map((r) => [r.orgCode, r.scoreSegment, r.segment]), [
    ['RA1', 1, 1], ['RB2', 1, 3], ['RC3', 3, 3], ['RD4', 4, 5], ['RE5', null, null], ['RF6', 1, 1],
  ]);
  assert.equal(get('RB2')?.meanScore?.toFixed(4), (13 / 9).toFixed(4));
  assert.equal(get('RC3')?.meanScore?.toFixed(4), (28 / 9).toFixed(4));
  assert.equal(get('RF6')?.meanScore, 1.5);
  assert.deepEqual(get('RB2')?.overridesApplied, ['finance-cap']);
  assert.deepEqual(get('RC3')?.overridesApplied, []);
  // RD4 is in deficit too, but a cap at 3 does not improve segment 4; intensive support then moves it to 5.
  assert.deepEqual(get('RD4')?.overridesApplied, ['intensive-support']);
  assert.match(get('RE5')?.reasons[0] ?? '', /only 3 of the 6 metrics/);
});

test('peer-quartile metrics score by rank among trusts with a value', () => {
  assert.deepEqual(['RA1', 'RB2', 'RC3', 'RD4'].map((o) => get(o)?.metricScores.shmi), [1, 2, 3, 4]);
  assert.equal(get('RF6')?.metricScores.shmi, undefined);
  const m: OversightMetric = { id: 'x', title: 'x', polarity: 'higher_is_better', scoring: { type: 'peer_quartile' } };
  // 8 values; ranks 1..8 → ⌈rank/2⌉; the two tied at 5.0 share rank 3 → score 2.
  const s = scoreByPeerQuartile(m, new Map([['a', 9], ['b', 8], ['c', 5], ['d', 5], ['e', 4], ['f', 3], ['g', 2], ['h', 1]]));
  assert.deepEqual([...s.values()], [1, 1, 2, 2, 3, 3, 4, 4]);
});

test('threshold metrics respect polarity and include the bound in the better score', () => {
  const hib: OversightMetric = { id: 'h', title: 'h', polarity: 'higher_is_better', scoring: { type: 'thresholds', cutPoints: [65, 60, 55] } };
  const lib: OversightMetric = { id: 'l', title: 'l', polarity: 'lower_is_better', scoring: { type: 'thresholds', cutPoints: [1, 2, 3] } };
  assert.deepEqual([70, 65, 64.9, 60, 55, 54.9].map((v) => scoreByThresholds(hib, v)), [1, 1, 2, 2, 3, 4]);
  assert.deepEqual([0, 1, 1.1, 2, 3, 3.1].map((v) => scoreByThresholds(lib, v)), [1, 1, 2, 2, 3, 4]);
});

test('the oversight league ranks by segment, then mean score, with unsegmented trusts last', () => {
  const league = oversightLeague(f, results, new Map([['RB2', 1], ['RA1', 2]]));
  assert.deepEqual(league.map((r) => [r.rank, r.orgCode]), [[1, 'RA1'], [2, 'RF6'], [3, 'RB2'], [4, 'RC3'], [5, 'RD4'], [6, 'RE5']]);
  assert.equal(league[0].rankChange, 1);
  assert.equal(league[2].rankChange, -2);
  assert.equal(league[1].rankChange, null);
  assert.equal(previousRanks(league).get('RD4'), 5);
});
