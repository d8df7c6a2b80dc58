import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { progressOf, project } from './progress-model.ts';
import type { StoredValue } from './model-types.ts';
import type { ChoiceRow } from './selection-repo.ts';

const choice: ChoiceRow = {
  indicatorId: 'm', mandated: false, breakdown: 'persons', baselinePeriod: '2007-08', baselineValue: 100, targetValue: 75,
  targetBasis: 'custom', shape: 'linear', milestones: [100, 95, 90, 85, 80, 75], rationale: '',
};
const v = (period: string, value: number, half = 2): StoredValue => ({
  indicatorId: 'm', areaCode: 'X', areaType: 'pct', period, breakdown: 'persons', numerator: null, denominator: null, value,
  lower95: value - half, upper95: value + half, lower998: null, upper998: null, comparedToEngland: null, comparedToParent: null, note: null,
});

describe('progress against a trajectory', () => {
  it('judges the latest value after the baseline against that year\'s milestone with its CI', () => {
    const on = progressOf(choice, 'lower-is-better', [v('2007-08', 100), v('2008-09', 96), v('2009-10', 91)]);
    assert.equal(on.latestPeriod, '2009-10');
    assert.equal(on.yearOfTrajectory, 2);
    assert.equal(on.milestone, 90);
    assert.equal(on.status, 'on-trajectory');
    assert.equal(progressOf(choice, 'lower-is-better', [v('2007-08', 100), v('2008-09', 99)]).status, 'off-trajectory');
    assert.equal(progressOf(choice, 'lower-is-better', [v('2007-08', 100), v('2008-09', 80)]).status, 'ahead-of-trajectory');
  });

  it('is not assessed before the first year after the baseline', () => {
    const r = progressOf(choice, 'lower-is-better', [v('2006-07', 104), v('2007-08', 100)]);
    assert.equal(r.status, 'not-assessed');
    assert.equal(r.milestone, null);
  });

  it('projects a straight line to the final year and says whether it meets the target', () => {
    assert.equal(project([{ year: 1, value: 10 }, { year: 2, value: 12 }, { year: 3, value: 14 }], 6), 20);
    assert.equal(project([{ year: 1, value: 10 }, { year: 2, value: 12 }], 6), null);
    const r = progressOf(choice, 'lower-is-better', ['2005-06', '2006-07', '2007-08', '2008-09', '2009-10'].map((p, i) => v(p, 110 - 5 * i)));
    assert.equal(r.projectedFinal, 75);
    assert.equal(r.projectedToMeetTarget, true);
  });

  it('gives the SPC assurance of the target', () => {
    const flat = ['2003-04', '2004-05', '2005-06', '2006-07', '2007-08', '2008-09', '2009-10', '2010-11'].map((p, i) => v(p, 100 + (i % 2)));
    assert.equal(progressOf(choice, 'lower-is-better', flat).assurance, 'consistently-fail', 'a target far below the process limits is never met');
  });
});
