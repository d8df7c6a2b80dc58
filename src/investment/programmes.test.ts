import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNeedsWeights, loadNonHospitalShares, loadProgrammeCategories, loadProgrammeOutcomes, programmeOfIcd10 } from './programmes.ts';

test('has the 23 NHS programme budgeting categories, each with at least one ICD-10 range', () => {
  const cats = loadProgrammeCategories();
  assert.equal(cats.length, 23);
  assert.equal(cats.find((c) => c.code === '10')?.name, 'Problems of circulation');
  assert.ok(cats.every((c) => c.icd10.length > 0 && c.icd10.every((r) => r.from <= r.to)));
});

test('assigns ICD-10 codes to programmes, learning disability and poisoning before their neighbours', () => {
  const cats = loadProgrammeCategories();
  const cases: [string, string][] = [['I21.9', '10'], ['F72', '6'], ['F32.1', '5'], ['T40.1', '20'], ['S72.0', '16'], ['C50', '2'],
    ['D50', '3'], ['K02', '12'], ['K50', '13'], ['J44', '11'], ['O80', '18'], ['P07', '19'], ['Z00', '21'], ['R69', '23'], ['H65', '9']];
  for (const [code, programme] of cases) assert.equal(programmeOfIcd10(cats, code), programme, code);
});

test('needs weights cover ten age bands for both sexes, shares are fractions, and outcomes name programmes that exist', () => {
  const w = loadNeedsWeights();
  assert.equal(w.length, 10);
  assert.ok(w.every((r) => r.male > 0 && r.female > 0));
  const shares = loadNonHospitalShares();
  assert.equal(shares.size, 23);
  assert.ok([...shares.values()].every((s) => s >= 0 && s < 1));
  const codes = new Set(loadProgrammeCategories().map((c) => c.code));
  assert.ok(loadProgrammeOutcomes().every((o) => codes.has(o.programme)));
});
