import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Governance, Level, Rag, WccFramework } from './framework.ts';
import { evaluateCompetencies, evaluateGovernance, rollUpCompetency, rollUpRag } from './rollup.ts';
import { loadFrameworks } from './load-frameworks.ts';

const lv = (...levels: Level[]) => levels.map((level, i) => ({ number: `1.${i + 1}`, level }));
const POINTS = { red: 0, amber: 1, green: 2 };

test('minimum takes the weakest sub-criterion', () => {
  assert.equal(rollUpCompetency({ type: 'minimum' }, lv(3, 1, 4, 3)), 1);
});

test('lowest_but_one ignores a single weak sub-criterion but not two', () => {
  assert.equal(rollUpCompetency({ type: 'lowest_but_one' }, lv(3, 1, 3, 3)), 3);
  assert.equal(rollUpCompetency({ type: 'lowest_but_one' }, lv(3, 1, 2, 4)), 2);
  assert.equal(rollUpCompetency({ type: 'lowest_but_one' }, lv(1, 1, 4)), 1);
});

test('median with an even count uses the tie-break', () => {
  assert.equal(rollUpCompetency({ type: 'median', tieBreak: 'lower' }, lv(1, 2, 3, 4)), 2);
  assert.equal(rollUpCompetency({ type: 'median', tieBreak: 'upper' }, lv(1, 2, 3, 4)), 3);
  assert.equal(rollUpCompetency({ type: 'median', tieBreak: 'lower' }, lv(4, 1, 3)), 3);
});

test('mean rounds as configured and the floor rule limits the distance above the lowest', () => {
  // mean of 2,3,3,3 = 2.75
  assert.equal(rollUpCompetency({ type: 'mean', rounding: 'down' }, lv(2, 3, 3, 3)), 2);
  assert.equal(rollUpCompetency({ type: 'mean', rounding: 'nearest' }, lv(2, 3, 3, 3)), 3);
  assert.equal(rollUpCompetency({ type: 'mean', rounding: 'up' }, lv(2, 2, 2, 3)), 3);
  // mean of 1,4,4,4 = 3.25 → 3 rounded down, but no more than lowest (1) + 1 = 2
  assert.equal(rollUpCompetency({ type: 'mean', rounding: 'down', maxAboveLowest: 1 }, lv(1, 4, 4, 4)), 2);
  // exact halves round up under "nearest": 2,3 → 2.5 → 3
  assert.equal(rollUpCompetency({ type: 'mean', rounding: 'nearest' }, lv(2, 3)), 3);
});

test('weighted_mean uses the weight of each sub-criterion', () => {
  const rule = { type: 'weighted_mean' as const, rounding: 'down' as const, weights: { '1.1': 0.5, '1.2': 0.3, '1.3': 0.2 } };
  // 0.5·4 + 0.3·2 + 0.2·1 = 2.8 → 2
  assert.equal(rollUpCompetency(rule, lv(4, 2, 1)), 2);
  // 0.5·4 + 0.3·4 + 0.2·1 = 3.4 → 3
  assert.equal(rollUpCompetency(rule, lv(4, 4, 1)), 3);
});

test('worst: any red is red, else any amber is amber', () => {
  const r = (...x: Rag[]) => rollUpRag({ type: 'worst' }, x, POINTS);
  assert.equal(r('green', 'red', 'green'), 'red');
  assert.equal(r('green', 'amber'), 'amber');
  assert.equal(r('green', 'green'), 'green');
});

test('rag_counts: any red → red, two or more ambers → amber, one amber → green', () => {
  const rule = { type: 'rag_counts' as const, redIfRedsAtLeast: 1, amberIfAmbersAtLeast: 2 };
  assert.equal(rollUpRag(rule, ['green', 'amber', 'green', 'green'], POINTS), 'green');
  assert.equal(rollUpRag(rule, ['amber', 'amber', 'green'], POINTS), 'amber');
  assert.equal(rollUpRag(rule, ['red', 'green', 'green'], POINTS), 'red');
  const lenient = { type: 'rag_counts' as const, redIfRedsAtLeast: 2, amberIfAmbersAtLeast: 3, redIfAmbersAtLeast: 4 };
  assert.equal(rollUpRag(lenient, ['red', 'green', 'green'], POINTS), 'amber', 'a single red below the threshold is still amber');
  assert.equal(rollUpRag(lenient, ['amber', 'amber', 'amber', 'red'], POINTS), 'red', 'four ambers-or-worse make red');
});

test('points_mean compares the mean points with the bands', () => {
  const rule = { type: 'points_mean' as const, greenAtLeast: 1.5, amberAtLeast: 0.75 };
  // green, green, amber, red → (2+2+1+0)/4 = 1.25 → amber
  assert.equal(rollUpRag(rule, ['green', 'green', 'amber', 'red'], POINTS), 'amber');
  // green, green, amber, green → 1.75 → green
  assert.equal(rollUpRag(rule, ['green', 'green', 'amber', 'green'], POINTS), 'green');
  // red, red, amber → 0.33 → red
  assert.equal(rollUpRag(rule, ['red', 'red', 'amber'], POINTS), 'red');
});

const frameworks = loadFrameworks();
const wcc0910 = frameworks.find((l) => l.framework.version === '2009-10')?.framework as WccFramework;
const wcc0809 = frameworks.find((l) => l.framework.version === '2008-09')?.framework as WccFramework;

test('2009/10 competencies roll up by the lowest-but-one rule and report missing sub-criteria', () => {
  const levels: Record<string, Level> = {};
  for (const c of wcc0910.competencies) for (const s of c.subCriteria) levels[s.number] = 3;
  levels['5.1'] = 1;          // one weak sub-criterion: competency 5 stays at 3
  levels['6.1'] = 1; levels['6.2'] = 2;   // two weak: competency 6 becomes 2
  delete levels['9.2'];
  const result = evaluateCompetencies(wcc0910, levels);
  assert.equal(result.find((r) => r.number === 5)?.level, 3);
  assert.equal(result.find((r) => r.number === 6)?.level, 2);
  assert.equal(result.find((r) => r.number === 9)?.level, null);
  assert.deepEqual(result.find((r) => r.number === 9)?.missing, ['9.2']);
});

test('2008/09 does not give a level to competency 11, which is not scored', () => {
  const levels: Record<string, Level> = {};
  for (const c of wcc0809.competencies) for (const s of c.subCriteria) levels[s.number] = 2;
  const result = evaluateCompetencies(wcc0809, levels);
  assert.equal(result.filter((r) => r.level === 2).length, 10);
  assert.equal(result.find((r) => r.number === 11)?.level, null);
});

test('2009/10 governance: one amber leaves an area green, two make it amber, any amber area makes the whole amber', () => {
  const g: Governance = wcc0910.governance;
  const ratings: Record<string, Rag> = {};
  for (const a of g.areas) for (const s of a.subIndicators) ratings[s.id] = 'green';
  ratings.S2 = 'amber';
  let r = evaluateGovernance(g, ratings);
  assert.equal(r.areas.find((a) => a.id === 'strategy')?.rating, 'green');
  assert.equal(r.overall, 'green');
  ratings.F1 = 'amber'; ratings.F4 = 'amber';
  r = evaluateGovernance(g, ratings);
  assert.equal(r.areas.find((a) => a.id === 'finance')?.rating, 'amber');
  assert.equal(r.overall, 'amber');
  ratings.B3 = 'red';
  r = evaluateGovernance(g, ratings);
  assert.equal(r.areas.find((a) => a.id === 'board')?.rating, 'red');
  assert.equal(r.overall, 'red');
  delete ratings.B1;
  r = evaluateGovernance(g, ratings);
  assert.equal(r.overall, null);
  assert.deepEqual(r.areas.find((a) => a.id === 'board')?.missing, ['B1']);
});
