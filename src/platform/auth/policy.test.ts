import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorize, can, permittedActions, readableScope, type Principal } from './policy.ts';
import { AppError } from '../errors.ts';

const person = (roles: Principal['roles']): Principal => ({ userId: 'u', email: 'u@x.example', displayName: 'U', roles });
const pctAnalyst = person([{ role: 'pct_analyst', orgCode: '5C2' }]);
const shaLead = person([{ role: 'sha_assurance_lead', orgCode: 'Q36' }]);
const admin = person([{ role: 'national_admin', orgCode: null }]);
const supplier = person([{ role: 'framework_supplier', orgCode: 'SUP-1' }]);

test('the public may read the organisation tree and published data but nothing private', () => {
  assert.equal(can(null, 'orgs:read'), true);
  assert.equal(can(null, 'published:read'), true);
  assert.equal(can(null, 'org-data:read', { orgCode: '5C2', shaCode: 'Q36' }), false);
});

test('a PCT role covers its own PCT only', () => {
  assert.equal(can(pctAnalyst, 'org-data:read', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(pctAnalyst, 'org-data:read', { orgCode: '5A9', shaCode: 'Q36' }), false);
  assert.equal(can(pctAnalyst, 'org-data:approve', { orgCode: '5C2', shaCode: 'Q36' }), false);
});

test('an SHA role covers the SHA and the PCTs within it, not other SHAs', () => {
  assert.equal(can(shaLead, 'org-data:read', { orgCode: 'Q36' }), true);
  assert.equal(can(shaLead, 'org-data:approve', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(shaLead, 'org-data:read', { orgCode: '5ND', shaCode: 'Q30' }), false);
  assert.equal(can(shaLead, 'org-data:write', { orgCode: '5C2', shaCode: 'Q36' }), false);
});

test('national administrators may do everything; suppliers act only for themselves', () => {
  assert.equal(can(admin, 'users:manage'), true);
  assert.equal(can(admin, 'org-data:write', { orgCode: '5ND', shaCode: 'Q30' }), true);
  assert.equal(can(supplier, 'supplier:act', { orgCode: 'SUP-1' }), true);
  assert.equal(can(supplier, 'supplier:act', { orgCode: 'SUP-2' }), false);
  assert.equal(can(supplier, 'org-data:read', { orgCode: '5C2' }), false);
});

test('several roles combine: each grant is judged on its own organisation', () => {
  const both = person([{ role: 'pct_board_member', orgCode: '5C2' }, { role: 'pct_analyst', orgCode: '5ND' }]);
  assert.equal(can(both, 'org-data:write', { orgCode: '5ND' }), true);
  assert.equal(can(both, 'org-data:write', { orgCode: '5C2' }), false, 'board membership of 5C2 gives no write');
  assert.deepEqual(readableScope(both), { all: false, orgCodes: ['5C2', '5ND'], shaCodes: [] });
});

test('authorize says 401 to the public and 403 to a signed-in user without the right', () => {
  assert.throws(() => authorize(null, 'users:manage'), (e: unknown) => e instanceof AppError && e.kind === 'unauthorised');
  assert.throws(() => authorize(pctAnalyst, 'users:manage'), (e: unknown) => e instanceof AppError && e.kind === 'forbidden');
  assert.doesNotThrow(() => authorize(admin, 'users:manage'));
});

test('permitted actions drive navigation: an analyst can import but not manage users', () => {
  const actions = permittedActions(pctAnalyst);
  assert.ok(actions.includes('analytics:import'));
  assert.ok(!actions.includes('users:manage'));
  assert.deepEqual(permittedActions(null), ['orgs:read', 'published:read']);
});

test('assurance: the national team manages cycles, SHA leads run them for their PCTs, panels score, PCTs self-assess', () => {
  const panel = person([{ role: 'sha_panel_member', orgCode: 'Q36' }]);
  const board = person([{ role: 'pct_board_member', orgCode: '5C2' }]);
  assert.equal(can(admin, 'assurance:manage'), true);
  assert.equal(can(shaLead, 'assurance:manage'), false);
  assert.equal(can(shaLead, 'assurance:run', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(shaLead, 'assurance:run', { orgCode: '5ND', shaCode: 'Q30' }), false);
  assert.equal(can(panel, 'assurance:panel-score', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(panel, 'assurance:run', { orgCode: '5C2', shaCode: 'Q36' }), false);
  assert.equal(can(pctAnalyst, 'assurance:self-assess', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(pctAnalyst, 'assurance:self-assess', { orgCode: '5ND', shaCode: 'Q30' }), false);
  assert.equal(can(board, 'assurance:self-assess', { orgCode: '5C2', shaCode: 'Q36' }), false);
  assert.equal(can(admin, 'assurance:self-assess', { orgCode: '5C2', shaCode: 'Q36' }), false);
  assert.equal(can(board, 'assurance:read', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(supplier, 'assurance:read'), false);
});

test('assurance participants get assurance:read in their permitted actions (for the menu); suppliers do not', () => {
  assert.ok(permittedActions(person([{ role: 'pct_board_member', orgCode: '5C2' }])).includes('assurance:read'));
  assert.ok(!permittedActions(supplier).includes('assurance:read'));
});
