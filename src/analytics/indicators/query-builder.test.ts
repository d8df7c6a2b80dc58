import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalogue } from './catalogue.ts';
import { buildIndicatorQuery, populationYear } from './query-builder.ts';

const catalogue = loadCatalogue();
const def = (id: string) => catalogue.find((d) => d.id === id)!;

test('under-75 CVD mortality: cause range, age scope and period are parameters, bands are ESP2013', () => {
  const q = buildIndicatorQuery(def('mortality-cvd-under-75'), { period: '2008', bands: 'esp', groups: 'quintile' });
  assert.match(q.sql, /FROM wh_deaths WHERE year = \$1/);
  assert.match(q.sql, /left\(underlying_cause, 3\) BETWEEN \$\d+ AND \$\d+/);
  assert.match(q.sql, /least\(floor\(age \/ 5\) \* 5, 90\)/);
  assert.ok(q.params.includes('I00') && q.params.includes('I99'));
  assert.ok(q.params.includes(74), 'the age limit is a parameter');
  assert.equal(q.params.filter((p) => p === 2008).length, 2, 'deaths year and population year');
  assert.doesNotMatch(q.sql, /'I00'|'I99'|2008/, 'no values spliced into the SQL');
  assert.doesNotMatch(q.sql, /wh_ons_deaths/, 'cause-specific deaths cannot come from all-cause aggregates');
});

test('all-cause mortality also reads ONS aggregates by local authority', () => {
  const q = buildIndicatorQuery(def('mortality-all-cause'), { period: '2014', bands: 'esp', groups: 'quintile' });
  assert.match(q.sql, /UNION ALL SELECT area_code, '', sex, .* FROM wh_ons_deaths/s);
});

test('emergency ACSC admissions: one pattern for every condition, one per kind of plain condition, one per rule with exclusions', () => {
  const q = buildIndicatorQuery(def('admissions-acsc'), { period: '2008-09', bands: 'esp', groups: 'quintile' });
  assert.equal(q.params[0], '2008-09');
  assert.match(q.sql, /admission_class IN \(\$\d+\)/);
  assert.match(q.sql, /epiorder = 1/);
  const patterns = q.params.filter((p): p is string => typeof p === 'string' && p.includes('(?:'));
  // every condition first (to turn away most admissions); the 11 plain primary-position conditions as one
  // pattern and the 3 plain any-position ones as another; the 5 with a rule: their code and their rule.
  assert.equal(patterns.length, 1 + 2 + 5 * 2);
  assert.ok(patterns[0].includes('|(?:J4[56])|'), 'the first pattern is every condition at once');
  const primary = patterns.find((p) => p.startsWith('^ ') && p.includes('(?:J4[56])'));
  assert.ok(primary && primary.includes('(?:N1([012]|36))'), 'asthma and pyelonephritis: one primary-position pattern');
  assert.ok(patterns.some((p) => p.startsWith(' (?:') && p.includes('(?:E1[0-4][0-8])') && p.includes('(?:R02X)')), 'diabetes complications and gangrene in any position: unanchored');
  assert.ok(patterns.includes(' (?:J1([0134]|5[3479]|68|8[18]))') && patterns.includes(' (?:D57)'), 'influenza and pneumonia in any position, sickle-cell excluded');
});

test('a proportion scans once: the denominator selects the rows, the numerator flags them', () => {
  const q = buildIndicatorQuery(def('day-case-rate'), { period: '2008-09', bands: 'none', groups: 'quintile' });
  assert.equal((q.sql.match(/FROM wh_apc/g) ?? []).length, 1);
  assert.match(q.sql, /sum\(CASE WHEN .* THEN 1 ELSE 0 END\) AS x, count\(\*\)::DOUBLE AS n/s);
  assert.doesNotMatch(q.sql, /wh_population/);
});

test('life expectancy uses the 20 bands of the life table and deciles on request', () => {
  const q = buildIndicatorQuery(def('life-expectancy-male'), { period: '2008', bands: 'le', groups: 'decile' });
  assert.match(q.sql, /CASE WHEN age = 0 THEN 0 WHEN age < 5 THEN 1/);
  assert.match(q.sql, /g\.decile AS dep/);
  assert.ok(q.params.includes('M'));
});

test('a financial year uses the mid-year population of its first calendar year', () => {
  assert.equal(populationYear('2008-09'), 2008);
  assert.equal(populationYear('2014'), 2014);
});
