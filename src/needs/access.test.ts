import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Principal, type RoleName } from '../platform/auth/policy.ts';

const as = (role: RoleName, orgCode: string | null): Principal => ({ userId: 'u', email: 'u@x', displayName: 'U', roles: [{ role, orgCode }] });

test('patients:read is granted only to PCT commissioners and analysts, and only for their own PCT', () => {
  assert.equal(can(as('pct_commissioner', '5C2'), 'patients:read', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(as('pct_analyst', '5C2'), 'patients:read', { orgCode: '5C2', shaCode: 'Q36' }), true);
  assert.equal(can(as('pct_analyst', '5C2'), 'patients:read', { orgCode: '5ND', shaCode: 'Q30' }), false);
  assert.equal(can(as('pct_board_member', '5C2'), 'patients:read', { orgCode: '5C2' }), false);
  assert.equal(can(as('sha_assurance_lead', 'Q36'), 'patients:read', { orgCode: '5C2', shaCode: 'Q36' }), false);
  assert.equal(can(as('national_admin', null), 'patients:read', { orgCode: '5C2' }), false);
  assert.equal(can(null, 'patients:read', { orgCode: '5C2' }), false);
});
