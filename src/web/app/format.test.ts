import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, isoFromParts } from './format.ts';

test('formats an ISO date as NHS.UK content style writes it', () => {
  assert.equal(formatDate('2009-04-01'), '1 April 2009');
  assert.equal(formatDate('2010-03-31'), '31 March 2010');
});

test('builds an ISO date from day, month and year fields, refusing dates that do not exist', () => {
  assert.equal(isoFromParts('1', '4', '2009'), '2009-04-01');
  assert.equal(isoFromParts(' 31 ', '03', '2010'), '2010-03-31');
  assert.equal(isoFromParts('31', '4', '2009'), null);
  assert.equal(isoFromParts('29', '2', '2009'), null);
  assert.equal(isoFromParts('', '4', '2009'), null);
  assert.equal(isoFromParts('1', '4', '09'), null);
});
