// API + PostgreSQL: area views on synthetic values (cross-checked against the stored rows), chart
// exports, and the outcome-selection workflow from PCT to SHA approval with locking and audit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { insertFixtureValues } from './testing/fixture.ts';
import { insertCycle } from './selection-repo.ts';

let t: TestApp;
const CYCLE = { year: '2008-09', baselinePeriod: '2007-08', trajectoryYears: 5, localOutcomes: 1, mandated: ['life-expectancy-male'] };

before(async () => {
  t = await startTestApp();
  await insertFixtureValues(t.database.db);
});
after(async () => { await t?.stop(); });

const get = async (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('area views', () => {
  it('profiles a PCT against England with the stored comparisons and the PCT distribution', async () => {
    const res = await get('/api/areas/5c2/profile?period=2008-09');
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.equal(p.area.code, '5C2');
    assert.equal(p.area.parentCode, 'Q36');
    const row = p.rows.find((r: { indicatorId: string }) => r.indicatorId === 'mortality-all-cause');
    const stored = await t.database.db.query(
      `SELECT value, compared_to_england FROM indicator_values WHERE indicator_id = 'mortality-all-cause' AND area_code = '5C2' AND period = '2008-09' AND breakdown = 'persons'`);
    assert.equal(row.value, stored.rows[0].value);
    assert.equal(row.comparison, stored.rows[0].compared_to_england);
    const range = await t.database.db.query(
      `SELECT min(value) AS lo, max(value) AS hi, count(*) AS n FROM indicator_values WHERE indicator_id = 'mortality-all-cause' AND area_type = 'pct' AND period = '2008-09' AND breakdown = 'persons'`);
    assert.equal(row.spine.best, range.rows[0].lo, 'low is good: the best PCT has the lowest rate');
    assert.equal(row.spine.worst, range.rows[0].hi);
    assert.equal(row.spine.areas, range.rows[0].n);
    const le = p.rows.find((r: { indicatorId: string }) => r.indicatorId === 'life-expectancy-male');
    const leStored = await t.database.db.query(
      `SELECT value FROM indicator_values WHERE indicator_id = 'life-expectancy-male' AND area_code = '5C2' AND period = '2008-09' AND breakdown = 'male'`);
    assert.equal(le.value, leStored.rows[0].value, 'a sex-specific indicator is read from its own sex, as the engine stores it');
    assert.ok(['increasing-and-getting-worse', 'decreasing-and-getting-better', 'no-significant-change', 'increasing-and-getting-better', 'decreasing-and-getting-worse'].includes(row.trend));
  });

  it('benchmarks against peers with distances, the benchmark being the peers\' mean', async () => {
    const p = (await get('/api/areas/5C2/profile?period=2008-09&benchmark=peers')).json();
    const peers = p.benchmark.peers.peers as { code: string; distance: number }[];
    assert.equal(peers.length, 10);
    assert.ok(!peers.some((x) => x.code === '5C2'));
    for (let i = 1; i < peers.length; i++) assert.ok(peers[i].distance >= peers[i - 1].distance);
    const { rows } = await t.database.db.query(
      `SELECT avg(value) AS mean FROM indicator_values WHERE indicator_id = 'admissions-acsc' AND period = '2008-09' AND breakdown = 'persons' AND area_code = ANY($1)`,
      [peers.map((x) => x.code)]);
    const row = p.rows.find((r: { indicatorId: string }) => r.indicatorId === 'admissions-acsc');
    assert.ok(Math.abs(row.benchmarkValue - rows[0].mean) < 1e-9);
  });

  it('refuses peers for an SHA and answers 404 for an unknown area', async () => {
    assert.equal((await get('/api/areas/Q36/profile?benchmark=peers')).statusCode, 400);
    assert.equal((await get('/api/areas/ZZZ/profile')).statusCode, 404);
  });

  it('compares the PCTs of the SHA with funnel limits and overdispersion', async () => {
    const c = (await get('/api/areas/5C2/compare?indicator=admissions-alcohol-broad&period=2008-09&overdispersion=true')).json();
    const { rows } = await t.database.db.query(`SELECT count(*) AS n FROM organisation_hierarchy WHERE parent_code = 'Q36' AND valid_from <= '2009-04-01' AND (valid_to IS NULL OR valid_to >= '2009-04-01')`);
    assert.equal(c.rows.length, rows[0].n);
    assert.equal(c.funnel.limits.length, 100);
    assert.ok(c.overdispersion.phi > 0);
    assert.ok(c.rows.filter((r: { highlighted: boolean }) => r.highlighted).length === 1);
  });

  it('gives the trend with SPC and the inequalities with an SII', async () => {
    const tr = (await get('/api/areas/5C2/trend?indicator=mortality-cvd-under-75')).json();
    assert.equal(tr.points.length, 8);
    assert.ok(tr.points.every((p: { spcMean: number }) => Number.isFinite(p.spcMean)));
    const iq = (await get('/api/areas/5C2/inequalities?indicator=mortality-all-cause&period=2008-09')).json();
    assert.equal(iq.segments.length, 5);
    assert.ok(iq.sii.sii < 0, 'rates fall from most to least deprived, so the SII is negative');
    assert.ok(iq.lifeExpectancyGap.some((g: { value: number | null }) => g.value !== null));
  });

  it('draws the heatmap of an SHA and exports charts as SVG, PNG and CSV', async () => {
    const h = (await get('/api/areas/Q36/heatmap?period=2008-09')).json();
    assert.equal(h.cells.length, h.areas.length * h.indicators.length);
    const svg = await get('/api/areas/5C2/charts/spine?period=2008-09&format=svg');
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(svg.body, /Barking &amp; Dagenham PCT: all indicators/);
    assert.match(svg.body, /Period: 2008-09/);
    const png = await get('/api/areas/5C2/charts/trend?indicator=mortality-all-cause&format=png');
    assert.equal(png.rawPayload.subarray(1, 4).toString(), 'PNG');
    const csv = await get('/api/areas/5C2/charts/compare?indicator=mortality-all-cause&period=2008-09&format=csv');
    assert.match(csv.body.split('\r\n')[0], /^Area,Value,Lower 95% CI,Upper 95% CI/);
    assert.equal(csv.body.trim().split('\r\n').length - 1, (await get('/api/areas/5C2/compare?indicator=mortality-all-cause&period=2008-09')).json().rows.length);
  });
});

describe('choosing local outcomes', () => {
  before(async () => { await insertCycle(t.database.db, CYCLE); });
  const choices = [
    { indicatorId: 'life-expectancy-male', targetBasis: 'best-quartile', shape: 'linear', rationale: 'Mandated.' },
    { indicatorId: 'mortality-cvd-under-75', targetBasis: 'peer-best-decile', shape: 'constant-percentage', rationale: 'Our biggest killer.' },
  ];

  it('proposes stretch targets at the national best quartile of the baseline', async () => {
    const h = await t.signIn('commissioner@wcc.example');
    const res = await get('/api/orgs/5C2/outcomes/proposals?cycle=2008-09&indicator=mortality-cvd-under-75', h);
    assert.equal(res.statusCode, 200, res.body);
    const national = res.json().groups.find((g: { group: string }) => g.group === 'national');
    const { rows } = await t.database.db.query(
      `SELECT value FROM indicator_values WHERE indicator_id = 'mortality-cvd-under-75' AND area_type = 'pct' AND period = '2007-08' AND breakdown = 'persons' ORDER BY value`);
    const v = rows.map((r) => r.value as number);
    const h7 = (v.length - 1) * 0.25, lo = Math.floor(h7);
    assert.ok(Math.abs(national.proposals[0].target - (v[lo] + (h7 - lo) * (v[lo + 1] - v[lo]))) < 1e-9);
    assert.ok(national.bestAnnualImprovement > 0);
  });

  it('runs from PCT draft to SHA approval, audited, and locks the approved trajectories', async () => {
    const pct = await t.signIn('commissioner@wcc.example');
    const sha = await t.signIn('sha.lead@wcc.example');
    const other = await t.signIn('durham@wcc.example');
    const put = await t.app.inject({ method: 'PUT', url: '/api/orgs/5C2/outcomes?cycle=2008-09', headers: pct, payload: { choices } });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().choices.find((c: { indicatorId: string }) => c.indicatorId === 'mortality-cvd-under-75').milestones.length, 6);
    assert.equal((await t.app.inject({ method: 'PUT', url: '/api/orgs/5C2/outcomes?cycle=2008-09', headers: other, payload: { choices } })).statusCode, 403);
    const post = (who: Record<string, string>, step: string, comment = '') => t.app.inject({ method: 'POST', url: `/api/orgs/5C2/outcomes/${step}?cycle=2008-09`, headers: who, payload: { comment } });
    assert.equal((await post(pct, 'approve')).statusCode, 403, 'a PCT cannot approve its own selection');
    assert.equal((await post(pct, 'submit')).json().status, 'submitted');
    assert.equal((await post(other, 'approve')).statusCode, 403, 'another SHA cannot approve');
    assert.equal((await post(sha, 'return')).statusCode, 400, 'returning needs a reason');
    assert.equal((await post(sha, 'return', 'Stretch CVD further.')).json().status, 'returned');
    assert.equal((await post(pct, 'submit', 'Revised.')).json().status, 'submitted');
    const approved = (await post(sha, 'approve', 'Agreed.')).json();
    assert.equal(approved.status, 'approved');
    assert.deepEqual(approved.comments.map((c: { kind: string }) => c.kind), ['submit', 'return', 'submit', 'approve']);
    const again = await t.app.inject({ method: 'PUT', url: '/api/orgs/5C2/outcomes?cycle=2008-09', headers: pct, payload: { choices } });
    assert.equal(again.statusCode, 409);
    await assert.rejects(t.database.db.query(`UPDATE outcome_choices SET target_value = 0`), /locked/);
    await assert.rejects(t.database.db.query(`UPDATE outcome_selections SET status = 'draft'`), /locked/);
    const audit = await t.database.db.query(`SELECT action FROM audit_log WHERE object_type = 'outcome_selection' ORDER BY id`);
    assert.deepEqual(audit.rows.map((r) => r.action), ['outcomes.save', 'outcomes.submit', 'outcomes.return', 'outcomes.submit', 'outcomes.approve']);
    const read = (await get('/api/orgs/5C2/outcomes?cycle=2008-09', sha)).json();
    assert.equal(read.selection.choices.length, 2);
    assert.equal(read.cycle.localOutcomes, 1);
  });

  it('reports progress for the PCT, its SHA and nationally, and writes the report as PDF', async () => {
    const sha = await t.signIn('sha.lead@wcc.example');
    const p = (await get('/api/orgs/5C2/outcomes/progress?cycle=2008-09', sha)).json();
    assert.equal(p.rows.length, 2);
    for (const r of p.rows) {
      assert.equal(r.latestPeriod, '2010-11');
      assert.equal(r.yearOfTrajectory, 3);
      assert.equal(r.milestone, r.milestones[3]);
      assert.ok(['ahead-of-trajectory', 'on-trajectory', 'off-trajectory'].includes(r.status));
    }
    const s = (await get('/api/outcomes/progress/sha?cycle=2008-09&sha=Q36', sha)).json();
    assert.equal(s.pcts.find((x: { orgCode: string }) => x.orgCode === '5C2').chosen, 2);
    const n = (await get('/api/outcomes/progress/national?cycle=2008-09', sha)).json();
    assert.equal(n.statusCounts.approved, 1);
    assert.equal(n.indicators.length, 2);
    const pdf = await get('/api/areas/5C2/needs-assessment.pdf?period=2008-09', sha);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
  });
});
