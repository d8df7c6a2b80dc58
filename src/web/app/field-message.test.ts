import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldMessage } from './field-message.ts';

test('turns API field fragments into whole NHS.UK error sentences', () => {
  assert.equal(fieldMessage('Current password', 'is not right'), 'Current password is not right');
  assert.equal(fieldMessage('New password', 'a password needs at least 12 characters'), 'A password needs at least 12 characters');
});
