import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_DIR, CatalogueError, checkCatalogue, loadCatalogue } from './catalogue.ts';

const catalogue = loadCatalogue();
const ids = new Set(catalogue.map((d) => d.id));

test('every catalogue file validates and holds at least 25 indicators', () => {
  assert.ok(readdirSync(CATALOGUE_DIR).filter((f) => f.endsWith('.yaml')).length >= 5);
  assert.ok(catalogue.length >= 25, `${catalogue.length} indicators`);
});

test('the catalogue has every indicator issue 4 asks for', () => {
  for (const id of [
    'mortality-all-cause', 'mortality-cvd-under-75', 'mortality-cancer-under-75', 'mortality-respiratory-under-75',
    'mortality-suicide', 'mortality-infant', 'life-expectancy-male', 'life-expectancy-female', 'life-expectancy-sii-male',
    'life-expectancy-gap-female', 'admissions-emergency', 'admissions-alcohol-narrow', 'admissions-alcohol-broad',
    'admissions-acsc', 'readmissions-30-day', 'admissions-elective', 'day-case-rate', 'hip-fractures-65-plus',
    'ae-attendances', 'ae-within-4-hours', 'outpatient-first-attendances', 'outpatient-dna-rate', 'mean-length-of-stay',
    'obesity-admissions', 'smoking-quitters', 'breastfeeding-6-8-weeks', 'chlamydia-screening', 'child-obesity-year-6',
    'under-18-conceptions',
  ]) assert.ok(ids.has(id), `missing ${id}`);
  const uploaded = catalogue.filter((d) => !d.computed).map((d) => d.numerator?.dataset);
  assert.ok(uploaded.length >= 5 && uploaded.every((d) => d === 'uploaded'));
});

test('code lists are referenced from files, never pasted into a definition', () => {
  const rules = JSON.stringify(catalogue.map((d) => [d.numerator, d.denominator]));
  assert.doesNotMatch(rules, /"[A-Z][0-9]{2}[0-9X]?"/, 'an ICD-10 code appears inline in a rule');
  assert.ok(catalogue.filter((d) => d.numerator?.diagnosis || d.numerator?.acsc || d.numerator?.weighting).length >= 8);
});

function write(dir: string, name: string, body: string) {
  writeFileSync(join(dir, name), body);
}

test('an invalid file is rejected with the file, the indicator and the path of the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcc-catalogue-'));
  write(dir, 'bad.yaml', `indicators:
  - id: bad-one
    title: Bad
    definition: A definition that is long enough.
    domain: mortality
    source: somewhere
    method: median
    computed: true
    multiplier: 100
    unit: '%'
    polarity: lower-is-better
    confidence: ['95']
    frequency: annual
    periodType: calendar-year
    breakdowns: [persons]
    suppression: { minNumerator: 0, reason: none }
    citation: A citation long enough.
`);
  try {
    assert.throws(() => loadCatalogue(dir), (err: unknown) => {
      assert.ok(err instanceof CatalogueError);
      assert.ok(err.problems.some((p) => p.startsWith('bad.yaml: indicators[0] (bad-one)/method')), err.problems.join('\n'));
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('method rules: a DSR without a population denominator and a missing code list are reported', () => {
  const dsr = structuredClone(catalogue.find((d) => d.id === 'admissions-emergency')!);
  dsr.denominator = { kind: 'records' };
  const hip = structuredClone(catalogue.find((d) => d.id === 'hip-fractures-65-plus')!);
  hip.numerator!.diagnosis!.codes.file = 'no_such_list.csv';
  const problems = checkCatalogue([dsr, hip]);
  assert.ok(problems.includes('admissions-emergency: a DSR needs a population denominator'), problems.join('\n'));
  assert.ok(problems.includes('hip-fractures-65-plus: code list file no_such_list.csv does not exist in codelists/'));
});
