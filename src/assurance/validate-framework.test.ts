import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FRAMEWORKS_DIR } from './load-frameworks.ts';
import { formatIssue, parseFramework, validateFramework } from './validate-framework.ts';

const FILE = 'src/assurance/frameworks/wcc-2009-10.yaml';
const fresh = (name = 'wcc-2009-10.yaml') => parse(readFileSync(join(FRAMEWORKS_DIR, name), 'utf8')) as any;

function issuesOf(doc: unknown): string[] {
  const r = validateFramework(doc, FILE);
  assert.equal(r.ok, false, 'expected the corrupted framework to be rejected');
  return r.ok ? [] : r.issues.map(formatIssue);
}

test('the unaltered 2009/10 file validates', () => {
  assert.equal(validateFramework(fresh(), FILE).ok, true);
});

test('a duplicate sub-indicator id names both places', () => {
  const doc = fresh();
  doc.governance.areas[2].subIndicators[0].id = 'F3';
  assert.deepEqual(issuesOf(doc), [
    `${FILE}: governance.areas[2].subIndicators[0].id: duplicate sub-indicator "F3" (first defined at governance.areas[1].subIndicators[2].id)`,
  ]);
});

test('wrongly numbered sub-criteria are reported with the expected number', () => {
  const doc = fresh();
  doc.competencies[4].subCriteria[2].number = '5.4';
  assert.deepEqual(issuesOf(doc), [
    `${FILE}: competencies[4].subCriteria[2].number: sub-criteria must be numbered in order; expected "5.3", found "5.4"`,
  ]);
});

test('a competency out of sequence is reported', () => {
  const doc = fresh();
  doc.competencies[6].number = 8;
  assert.ok(issuesOf(doc).includes(`${FILE}: competencies[6].number: competencies must be numbered 1, 2, 3 … in order; expected 7, found 8`));
});

test('a missing level descriptor names the sub-criterion and level', () => {
  const doc = fresh();
  delete doc.competencies[0].subCriteria[1].descriptors[3];
  assert.deepEqual(issuesOf(doc), [
    `${FILE}: competencies[0].subCriteria[1].descriptors: missing descriptor for level 3 (sub-criterion 1.2)`,
  ]);
});

test('identical descriptors at two levels are rejected as not progressive', () => {
  const doc = fresh();
  const d = doc.competencies[2].subCriteria[0].descriptors;
  d[3] = d[2];
  assert.deepEqual(issuesOf(doc), [
    `${FILE}: competencies[2].subCriteria[0].descriptors: levels 2 and 3 have the same descriptor; each level must describe a step up`,
  ]);
});

test('an unknown roll-up rule type lists the known types', () => {
  const doc = fresh();
  doc.governance.areaRollup = { type: 'majority' };
  assert.deepEqual(issuesOf(doc), [
    `${FILE}: governance.areaRollup.type: unknown RAG roll-up rule type "majority" (expected one of: worst, rag_counts, points_mean)`,
  ]);
});

test('league weights that do not sum to 1 are rejected', () => {
  const doc = fresh();
  doc.league.governanceWeight = 0.6;
  assert.deepEqual(issuesOf(doc), [`${FILE}: league: governanceWeight and competencyWeight must sum to 1, found 1.1`]);
});

test('weighted_mean sub-criterion weights must cover every sub-criterion and sum to 1', () => {
  const doc = fresh();
  doc.competencies[8].rollup = { type: 'weighted_mean', rounding: 'down', weights: { '9.1': 0.5, '9.2': 0.4 } };
  const issues = issuesOf(doc);
  assert.ok(issues.includes(`${FILE}: competencies[8].rollup.weights: no weight for sub-criterion 9.3`), issues.join('\n'));
  assert.ok(issues.includes(`${FILE}: competencies[8].rollup.weights: sub-criterion weights must sum to 1, found 0.9`), issues.join('\n'));
});

test('too few sub-criteria, unknown evidence and a misspelt field are each reported', () => {
  const doc = fresh();
  doc.competencies[6].subCriteria.pop();
  doc.competencies[0].subCriteria[0].evidence.documents.push('business-plan');
  doc.competencies[1].subCriteria[0].descriptor = 'typo';
  const issues = issuesOf(doc);
  assert.ok(issues.includes(`${FILE}: competencies[6].subCriteria: must have 3 to 5 entries, found 2`), issues.join('\n'));
  assert.ok(issues.includes(`${FILE}: competencies[0].subCriteria[0].evidence.documents[3]: unknown document type "business-plan" (not in documentTypes)`), issues.join('\n'));
  assert.ok(issues.includes(`${FILE}: competencies[1].subCriteria[0].descriptor: unknown field "descriptor" (allowed: number, title, descriptors, evidence)`), issues.join('\n'));
});

test('a Likert survey item must map to an existing competency', () => {
  const doc = fresh();
  doc.survey.items[0].competency = 12;
  assert.deepEqual(issuesOf(doc), [`${FILE}: survey.items[0].competency: competency 12 does not exist in this framework`]);
});

test('oversight: cut-points against the polarity, bands under quartile segmentation and an undefined segment are rejected', () => {
  const file = 'src/assurance/frameworks/nhs-oversight-2025-26.yaml';
  const doc = fresh('nhs-oversight-2025-26.yaml');
  doc.oversight.domains[4].metrics[0].scoring.cutPoints = [-1, -0.5, 0];
  doc.oversight.overrides[1].segment = 6;
  doc.oversight.segments[0].maxMeanScore = 1.5;
  const r = validateFramework(doc, file);
  assert.equal(r.ok, false);
  const issues = r.ok ? [] : r.issues.map(formatIssue);
  assert.deepEqual(issues, [
    `${file}: oversight.domains[4].metrics[0].scoring.cutPoints: cut-points run from the score-1 bound to the score-3 bound, so for higher_is_better they must strictly fall`,
    `${file}: oversight.segments[0].maxMeanScore: peer_quartile segmentation takes no score bands: the quartile of the mean score decides`,
    `${file}: oversight.overrides[1].segment: segment 6 is not defined in segments`,
  ]);
});

test('parseFramework throws with every issue in the message', () => {
  const doc = fresh();
  doc.version = '2009/10';
  assert.throws(() => parseFramework(doc, FILE), (e: Error) =>
    e.message.includes(`${FILE}: version: "2009/10" is not a financial year such as "2009-10"`));
});

test('a survey item asked of an unknown stakeholder group is rejected', () => {
  const doc = fresh();
  const i = doc.survey.items.findIndex((x: { id: string }) => x.id === 'Q08');
  doc.survey.items[i].groups = ['gp-practices', 'pharmacists'];
  assert.deepEqual(issuesOf(doc), [`${FILE}: survey.items[${i}].groups[1]: unknown stakeholder group "pharmacists"`]);
});
