// The assurance demo: created once, with something to do for each demo user.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startAssuranceTestApp } from './test-app.ts';
import { seedDemo } from './demo.ts';

let t: Awaited<ReturnType<typeof startAssuranceTestApp>>;
before(async () => { t = await startAssuranceTestApp(new Date().toISOString()); });
after(async () => { await t?.stop(); });

test('seedDemo creates the 2009-10 cycle once, leaving work for the commissioner, the SHA lead and both panel members', async () => {
  assert.equal(await seedDemo(t.db), true);
  assert.equal(await seedDemo(t.db), false, 'idempotent');
  assert.equal((await t.db.query("SELECT count(*) AS n FROM assurance_cycles WHERE year = '2009-10'")).rows[0].n, 1);
  const commissioner = await t.signIn('commissioner@wcc.example');
  const sa = (await t.app.inject({ method: 'GET', url: '/api/assurance/cycles/2009-10/pcts/5C2/self-assessment', headers: commissioner })).json();
  assert.equal(sa.status, 'draft');
  assert.ok(sa.scores.some((s: { level: number | null }) => s.level === null), 'half-finished');
  assert.equal(sa.editable.allowed, true);
  const lead = await t.signIn('sha.lead@wcc.example');
  const overview = (await t.app.inject({ method: 'GET', url: '/api/assurance/cycles/2009-10', headers: lead })).json();
  const submitted = overview.pcts.find((p: { selfAssessment: string }) => p.selfAssessment === 'submitted');
  assert.ok(submitted, 'one London PCT has submitted');
  assert.equal(overview.pcts.find((p: { orgCode: string }) => p.orgCode === '5C2').panelMembers, 0, 'the lead has a panel to assign');
  for (const who of ['panel', 'panel2']) {
    const panel = (await t.app.inject({ method: 'GET', url: `/api/assurance/cycles/2009-10/pcts/${submitted.orgCode}/panel`, headers: await t.signIn(`${who}@wcc.example`) })).json();
    assert.equal(panel.me.member, true);
    assert.equal(panel.me.submitted, false);
  }
  const durham = await t.signIn('durham@wcc.example');
  const nd = (await t.app.inject({ method: 'GET', url: '/api/assurance/cycles/2009-10/pcts/5ND/self-assessment', headers: durham })).json();
  assert.equal(nd.editable.allowed, true);
});
