import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentEntry, visibleEntries } from './navigation.ts';

test('shows the public only the organisation browser and the published health outcomes', () => {
  assert.deepEqual(visibleEntries(['orgs:read', 'published:read'], false).map((e) => e.text), ['Organisations', 'Health outcomes']);
});

test('shows users only with users:manage and the audit trail only with audit:read', () => {
  const pct = visibleEntries(['orgs:read', 'published:read', 'org-data:read', 'audit:read'], true).map((e) => e.text);
  assert.deepEqual(pct, ['Home', 'Organisations', 'Health outcomes', 'Population', 'Support', 'Audit trail', 'Your account']);
  const admin = visibleEntries(['orgs:read', 'audit:read', 'users:manage'], true).map((e) => e.text);
  assert.ok(admin.includes('Users'));
  const board = visibleEntries(['orgs:read', 'published:read', 'org-data:read'], true).map((e) => e.text);
  assert.ok(!board.includes('Audit trail') && !board.includes('Users'));
});

test('shows data imports only to those who may import', () => {
  const analyst = visibleEntries(['orgs:read', 'org-data:read', 'analytics:import'], true).map((e) => e.text);
  assert.ok(analyst.includes('Data imports'));
  const board = visibleEntries(['orgs:read', 'published:read', 'org-data:read'], true).map((e) => e.text);
  assert.ok(!board.includes('Data imports'));
});

test('marks the entry a page belongs to', () => {
  const entries = visibleEntries(['orgs:read', 'users:manage'], true);
  assert.equal(currentEntry(entries, '/orgs/Q36')?.text, 'Organisations');
  assert.equal(currentEntry(entries, '/users/new')?.text, 'Users');
  assert.equal(currentEntry(entries, '/')?.text, 'Home');
  assert.equal(currentEntry(entries, '/nowhere'), undefined);
});
