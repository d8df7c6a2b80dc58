import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildProfile, compareWithValue, groupMeans, spineOf } from './profile-model.ts';
import { periodYear, shiftPeriod, type CatalogueEntry, type StoredValue } from './model-types.ts';
import { periodChoices } from './profile-service.ts';

const entry: CatalogueEntry = { id: 'm', title: 'Mortality', domain: 'mortality', method: 'dsr', unit: 'per 100,000', polarity: 'lower-is-better', multiplier: 1e5, confidence: ['95', '99.8'], source: '' };
const v = (period: string, value: number, half = 5, extra: Partial<StoredValue> = {}): StoredValue => ({
  indicatorId: 'm', areaCode: 'X', areaType: 'pct', period, breakdown: 'persons', numerator: null, denominator: null, value,
  lower95: value - half, upper95: value + half, lower998: value - half * 1.6, upper998: value + half * 1.6, comparedToEngland: 'worse', comparedToParent: 'similar', note: null, ...extra,
});

describe('area profile model', () => {
  it('reads periods and shifts financial and calendar years', () => {
    assert.equal(periodYear('2007-08'), 2007);
    assert.equal(shiftPeriod('2007-08', 5), '2012-13');
    assert.equal(shiftPeriod('2099-00', 1), '2100-01');
    assert.equal(shiftPeriod('2014', 2), '2016');
  });

  it('orients the spine by polarity: the lowest value is best when low is good', () => {
    const values = [10, 20, 30, 40, 50];
    assert.deepEqual(spineOf(values, 'lower-is-better'), { worst: 50, q25: 40, median: 30, q75: 20, best: 10, areas: 5 });
    assert.deepEqual(spineOf(values, 'higher-is-better'), { worst: 10, q25: 20, median: 30, q75: 40, best: 50, areas: 5 });
    assert.equal(spineOf([1], 'lower-is-better'), null);
  });

  it('compares with a peer benchmark at 95% and 99.8%', () => {
    assert.equal(compareWithValue(entry, v('2008-09', 100, 5), 120), 'best', 'beyond the benchmark at 99.8% and low is good');
    assert.equal(compareWithValue(entry, v('2008-09', 100, 5), 106), 'better');
    assert.equal(compareWithValue(entry, v('2008-09', 100, 5), 103), 'similar');
    assert.equal(compareWithValue(entry, v('2008-09', 100, 5), null), 'not-compared');
  });

  it('flags worse-and-getting-worse from the stored comparison and five rising points', () => {
    const series = ['2004-05', '2005-06', '2006-07', '2007-08', '2008-09'].map((p, i) => v(p, 100 + 20 * i, 2));
    const rows = buildProfile({ catalogue: [entry], period: '2008-09', benchmark: 'england', series, england: new Map([['m', 90]]), benchmarkValues: new Map([['m', 90]]), distribution: new Map([['m', [1, 2, 3]]]) });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].comparison, 'worse');
    assert.equal(rows[0].trend, 'increasing-and-getting-worse');
    assert.equal(rows[0].redRed, true);
    assert.equal(rows[0].rag, 'red');
  });

  it('uses the stored parent comparison for the parent benchmark and ignores later periods', () => {
    const series = [v('2008-09', 100), v('2009-10', 500)];
    const rows = buildProfile({ catalogue: [entry], period: '2008-09', benchmark: 'parent', series, england: new Map(), benchmarkValues: new Map([['m', 100]]), distribution: new Map() });
    assert.equal(rows[0].comparison, 'similar');
    assert.equal(rows[0].trend, 'cannot-be-calculated');
    assert.equal(rows[0].spine, null);
  });

  it('shows a calendar-year indicator of 2008 in the 2008-09 profile, with its own period', () => {
    const rows = buildProfile({ catalogue: [entry], period: '2008-09', benchmark: 'england', series: [v('2008', 100), v('2009', 90)], england: new Map(), benchmarkValues: new Map(), distribution: new Map() });
    assert.equal(rows[0].period, '2008');
    assert.equal(rows[0].value, 100);
  });

  it('offers one period a year, the financial-year label first', () => {
    assert.deepEqual(periodChoices(['2007', '2007-08', '2008', '2008-09', '2010']), ['2007-08', '2008-09', '2010']);
  });

  it('averages each indicator over a peer group, skipping suppressed values', () => {
    const m = groupMeans([v('2008-09', 10), v('2008-09', 20), { ...v('2008-09', 0), value: null }]);
    assert.equal(m.get('m'), 15);
  });
});
