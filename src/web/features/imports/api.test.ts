import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rejectsUrl, uploadForm } from './api.ts';

const file = new File(['year,lsoa01\n'], 'births.csv', { type: 'text/csv' });

test('the upload sends the kind and options before the file, and leaves out blank options', () => {
  const form = uploadForm({ kind: 'indicator-values', file, skipInvalid: true, mapping: ' area_code=code ', indicatorId: '', imdYear: undefined, orgCode: '5C2' });
  assert.deepEqual([...form.keys()], ['kind', 'skipInvalid', 'mapping', 'orgCode', 'file']);
  assert.equal(form.get('mapping'), 'area_code=code');
  assert.equal(form.get('skipInvalid'), 'true');
  assert.equal((form.get('file') as File).name, 'births.csv');
});

test('without options only the kind and the file are sent', () => {
  assert.deepEqual([...uploadForm({ kind: 'births', file, skipInvalid: false }).keys()], ['kind', 'file']);
});

test('the reject file address escapes the id', () => {
  assert.equal(rejectsUrl('a/b'), '/api/imports/a%2Fb/rejects');
});
