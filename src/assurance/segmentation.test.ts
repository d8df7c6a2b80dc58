import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OversightFramework, OversightMetric, SegmentBand } from './framework.ts';
import { loadFrameworks } from './load-frameworks.ts';
import { scoreByPeerQuartile, scoreByPeerRank, scoreByThresholds, segmentByBands, segmentTrusts, type TrustInput } from './segmentation.ts';
import { oversightLeague, previousRanks } from './league.ts';

const f = loadFrameworks().find((l) => l.framework.era === 'oversight')?.framework as OversightFramework;

// Five trusts with every metric; T(k) is ranked k on every ranked metric. With n = 5:
//   peer_rank score 1 + 3(k − 1)/4 → 1, 1.75, 2.5, 3.25, 4 (seven metrics);
//   peer_quartile (SHMI) ⌈4k/5⌉ → 1, 2, 3, 4, 4;
//   plan variance by thresholds [0, −0.5, −1] → 0.5: 1, −0.2: 2, −0.7: 3, −2: 4, −0.5: 2 (on the bound).
// Averages over 9 metrics: T1 9/9 = 1, T2 16.25/9 = 1.806, T3 23.5/9 = 2.611, T4 30.75/9 = 3.417, T5 34/9 = 3.778.
// Quartiles of the averages among 5 trusts ⌈4·rank/5⌉ → 1, 2, 3, 4, 4.
const column = {
  'rtt-18-weeks': [70, 65, 60, 55, 50], 'rtt-52-weeks': [0.5, 1, 2, 3, 4], 'ae-4-hours': [80, 76, 73, 70, 65],
  'cancer-62-days': [80, 75, 70, 65, 60], shmi: [0.90, 0.95, 1.00, 1.05, 1.10], 'readmissions-30-days': [10, 11, 12, 13, 14],
  'raising-concerns': [7.0, 6.8, 6.6, 6.4, 6.2], 'sickness-absence': [4.0, 4.5, 5.0, 5.5, 6.0], 'plan-variance': [0.5, -0.2, -0.7, -2, -0.5],
};
const flags = [[], ['in-deficit'], ['provider-improvement-programme'], ['in-deficit'], ['provider-improvement-programme']];
const trusts: TrustInput[] = [0, 1, 2, 3, 4].map((i) => ({
  orgCode: `T${i + 1}`, flags: flags[i],
  values: Object.fromEntries(Object.entries(column).map(([m, vs]) => [m, vs[i]])),
}));
// T6 has one metric only (fewer than the 6 required) and takes part in no ranking.
trusts.push({ orgCode: 'T6', flags: [], values: { 'plan-variance': 0.3 } });

const results = segmentTrusts(f, trusts);
const get = (org: string) => results.find((r) => r.orgCode === org);

test('2025/26: metric scores are averaged and the averages quartiled into segments', () => {
  assert.deepEqual(results.map((r) => r.meanScore === null ? null : Number(r.meanScore.toFixed(4))),
    [1, Number((16.25 / 9).toFixed(4)), Number((23.5 / 9).toFixed(4)), Number((30.75 / 9).toFixed(4)), Number((34 / 9).toFixed(4)), null]);
  assert.deepEqual(results.map((r) => r.scoreSegment), [1, 2, 3, 4, 4, null]);
  assert.deepEqual(get('T2')?.metricScores, { 'rtt-18-weeks': 1.75, 'rtt-52-weeks': 1.75, 'ae-4-hours': 1.75, 'cancer-62-days': 1.75,
    shmi: 2, 'readmissions-30-days': 1.75, 'raising-concerns': 1.75, 'sickness-absence': 1.75, 'plan-variance': 2 });
});

test('2025/26: the finance cap and the Provider Improvement Programme override segments as the rules say', () => {
  assert.deepEqual(results.map((r) => [r.orgCode, r.segment]), [['T1', 1], ['T2', 3], ['T3', 3], ['T4', 4], ['T5', 5], ['T6', null]]);
  assert.deepEqual(get('T2')?.overridesApplied, ['finance-cap']);
  assert.deepEqual(get('T3')?.overridesApplied, [], 'the programme flag moves only a segment-4 trust');
  assert.deepEqual(get('T4')?.overridesApplied, [], 'a cap at 3 does not improve segment 4');
  assert.deepEqual(get('T5')?.overridesApplied, ['intensive-support']);
  assert.match(get('T6')?.reasons[0] ?? '', /only 1 of the 6 metrics/);
  assert.match(get('T3')?.reasons[0] ?? '', /ranked 3 of 5: quartile 3/);
});

test('the league ranks by segment, then average score, unsegmented last, with change since last time', () => {
  const league = oversightLeague(f, results, new Map([['T3', 1], ['T1', 2]]));
  assert.deepEqual(league.map((r) => [r.rank, r.orgCode]), [[1, 'T1'], [2, 'T2'], [3, 'T3'], [4, 'T4'], [5, 'T5'], [6, 'T6']]);
  assert.deepEqual([league[0].rankChange, league[2].rankChange, league[1].rankChange], [1, -2, null]);
  assert.equal(previousRanks(league).get('T5'), 5);
});

test('the same model segments by fixed score bands (the 2026/27 approach)', () => {
  const bands: SegmentBand[] = [
    { segment: 1, label: '1', maxMeanScore: 1.5 }, { segment: 2, label: '2', maxMeanScore: 2.5 },
    { segment: 3, label: '3', maxMeanScore: 3.5 }, { segment: 4, label: '4', maxMeanScore: 4 },
    { segment: 5, label: '5', assignedByOverrideOnly: true },
  ];
  const banded: OversightFramework = { ...f, oversight: { ...f.oversight, segmentation: { type: 'score_bands' }, segments: bands } };
  // Averages 1, 1.806, 2.611, 3.417, 3.778 → bands 1, 2, 3, 3, 4; then T2 capped at 3 and T5 moved to 5.
  assert.deepEqual(segmentTrusts(banded, trusts).map((r) => [r.scoreSegment, r.segment]),
    [[1, 1], [2, 3], [3, 3], [3, 3], [4, 5], [null, null]]);
  assert.deepEqual([1.5, 1.5000001, 2.5, 4].map((m) => segmentByBands(bands, m)), [1, 2, 2, 4]);
});

test('rank-based scores: continuous by rank, quartiles by rank, ties share the better place', () => {
  const hib = { polarity: 'higher_is_better' as const };
  const values = new Map([['a', 9], ['b', 8], ['c', 5], ['d', 5], ['e', 4], ['f', 3], ['g', 2], ['h', 1]]);
  // ranks 1, 2, 3, 3, 5, 6, 7, 8 of 8
  assert.deepEqual([...scoreByPeerQuartile(hib, values).values()], [1, 1, 2, 2, 3, 3, 4, 4]);
  assert.deepEqual([...scoreByPeerRank(hib, values).values()].map((x) => Number(x.toFixed(4))),
    [1, 1 + 3 / 7, 1 + 6 / 7, 1 + 6 / 7, 1 + 12 / 7, 1 + 15 / 7, 1 + 18 / 7, 4].map((x) => Number(x.toFixed(4))));
  assert.deepEqual([...scoreByPeerRank(hib, new Map([['only', 3]])).values()], [1]);
});

test('threshold metrics respect polarity and include the bound in the better score', () => {
  const hib: OversightMetric = { id: 'h', title: 'h', polarity: 'higher_is_better', scoring: { type: 'thresholds', cutPoints: [65, 60, 55] } };
  const lib: OversightMetric = { id: 'l', title: 'l', polarity: 'lower_is_better', scoring: { type: 'thresholds', cutPoints: [1, 2, 3] } };
  assert.deepEqual([70, 65, 64.9, 60, 55, 54.9].map((v) => scoreByThresholds(hib, v)), [1, 1, 2, 2, 3, 4]);
  assert.deepEqual([0, 1, 1.1, 2, 3, 3.1].map((v) => scoreByThresholds(lib, v)), [1, 1, 2, 2, 3, 4]);
});
