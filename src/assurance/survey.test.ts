import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WccFramework } from './framework.ts';
import { loadFrameworks } from './load-frameworks.ts';
import { groupsToWithhold, summariseSurvey, type SurveyAnswer } from './survey.ts';

const f = loadFrameworks().find((l) => l.framework.version === '2009-10')?.framework as WccFramework;

test('groups under 5 are withheld, and one more when the rest could be worked out from the total', () => {
  // LA 12, GPs 7, providers 3: providers withheld; 3 < 5 so the next smallest (GPs, 7) is withheld too.
  assert.deepEqual([...groupsToWithhold(new Map([['la', 12], ['gp', 7], ['prov', 3]]), 5)].sort(), ['gp', 'prov']);
  // Two small groups of 3 together cover 6 ≥ 5: nothing more is withheld.
  assert.deepEqual([...groupsToWithhold(new Map([['la', 12], ['gp', 3], ['prov', 3], ['vol', 0]]), 5)].sort(), ['gp', 'prov']);
  // Everyone has at least 5: nothing withheld; a total under 5 withholds every group that answered.
  assert.equal(groupsToWithhold(new Map([['la', 5], ['gp', 6]]), 5).size, 0);
  assert.deepEqual([...groupsToWithhold(new Map([['la', 2], ['gp', 2], ['prov', 0]]), 5)].sort(), ['gp', 'la']);
});

test('results by competency and group: mean and distribution where shown, nothing where withheld', () => {
  const answers: SurveyAnswer[] = [];
  // 6 local-authority respondents answer Q01 and Q02 (competency 1): values 4 and 5 → mean 4.5.
  for (let i = 0; i < 6; i++) {
    answers.push({ respondentId: `la${i}`, group: 'local-authority', itemId: 'Q01', value: 4 });
    answers.push({ respondentId: `la${i}`, group: 'local-authority', itemId: 'Q02', value: 5 });
  }
  // 5 patient-group respondents: Q01 = 2, one says "don't know" (not counted in the mean).
  for (let i = 0; i < 5; i++) answers.push({ respondentId: `pg${i}`, group: 'patient-groups', itemId: 'Q01', value: i === 0 ? null : 2 });
  // 3 providers and 3 GP practices: each withheld; together they cover 6 ≥ 5, so no other group is withheld.
  for (let i = 0; i < 3; i++) answers.push({ respondentId: `pr${i}`, group: 'providers', itemId: 'Q01', value: 1 });
  for (let i = 0; i < 3; i++) answers.push({ respondentId: `gp${i}`, group: 'gp-practices', itemId: 'Q02', value: 3 });
  // Free text from the 3 providers only: withheld by group and, with 3 < 5 in all, overall too.
  for (let i = 0; i < 3; i++) answers.push({ respondentId: `pr${i}`, group: 'providers', itemId: 'Q16', text: 'Good on urgent care' });

  const report = summariseSurvey(f, answers);
  const c1 = report.competencies.find((c) => c.competency === 1)?.results;
  const by = (g: string) => c1?.find((r) => r.group === g);
  assert.deepEqual([by('local-authority')?.respondents, by('local-authority')?.mean, by('local-authority')?.suppressed], [6, 4.5, false]);
  assert.deepEqual(by('local-authority')?.distribution, [0, 0, 0, 6, 6]);
  assert.deepEqual([by('patient-groups')?.mean, by('patient-groups')?.suppressed], [2, false]);
  assert.deepEqual([by('providers')?.respondents, by('providers')?.mean, by('providers')?.distribution], [3, null, null]);
  assert.deepEqual([by('providers')?.suppressed, by('gp-practices')?.suppressed], [true, true]);
  // all: 17 respondents; values 6×4 + 6×5 + 4×2 + 3×1 + 3×3 = 74 over 22 values.
  assert.equal(by('all')?.respondents, 17);
  assert.equal(by('all')?.mean?.toFixed(4), (74 / 22).toFixed(4));
  const q16 = report.freeText.find((t) => t.itemId === 'Q16')?.results;
  assert.ok(q16?.every((r) => r.comments === null || r.respondents === 0), 'two comments are never shown');
  assert.equal(q16?.find((r) => r.group === 'providers')?.suppressed, true);
});
