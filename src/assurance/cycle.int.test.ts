// One assurance cycle through the API, as each actor, with the clock moved through the timetable: opening,
// self-assessment and evidence, survey, panel, calibration, autonomy, publication and open data — and the
// attempts to see what one may not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startAssuranceTestApp } from './test-app.ts';
import { seedAssuranceDemoUsers } from './demo.ts';
import { getFramework } from './repo.ts';
import type { WccFramework } from './framework.ts';
import { allPanelItems, allSelfScores, multipart } from './test-helpers.ts';

let t: Awaited<ReturnType<typeof startAssuranceTestApp>>;
let f: WccFramework;
const as: Record<string, Record<string, string>> = {};
const base = '/api/assurance/cycles/2009-10';

before(async () => {
  t = await startAssuranceTestApp('2009-11-02T09:00:00Z');
  await seedAssuranceDemoUsers(t.db);
  f = (await getFramework(t.db, 'wcc', '2009-10')) as WccFramework;
  for (const e of ['admin', 'sha.lead', 'panel', 'panel2', 'commissioner', 'board', 'durham', 'ne.lead', 'ne.panel']) as[e] = await t.signIn(`${e}@wcc.example`);
});
after(async () => { await t?.stop(); });

const req = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who ? as[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

const timetable = {
  selfAssessmentDeadline: '2010-01-15T17:00:00Z', surveyOpens: '2009-11-01T00:00:00Z', surveyCloses: '2010-01-10T00:00:00Z',
  panelsFrom: '2010-02-01', panelsTo: '2010-02-28', calibrationBy: '2010-03-15', publicationAt: '2010-05-01T09:00:00Z',
};

test('a national administrator opens the cycle; an SHA lead may not; a disordered timetable is refused', async () => {
  assert.equal((await req('sha.lead', 'POST', '/api/assurance/cycles', { year: '2009-10', frameworkId: 'wcc', frameworkVersion: '2009-10', timetable })).statusCode, 403);
  const bad = await req('admin', 'POST', '/api/assurance/cycles', { year: '2009-10', frameworkId: 'wcc', frameworkVersion: '2009-10', timetable: { ...timetable, surveyCloses: '2009-10-01T00:00:00Z' } });
  assert.equal(bad.statusCode, 400);
  const res = await req('admin', 'POST', '/api/assurance/cycles', { year: '2009-10', frameworkId: 'wcc', frameworkVersion: '2009-10', timetable });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().policyId, 'wcc-earned-autonomy');
  const ov = await req('sha.lead', 'GET', base);
  assert.equal(ov.json().phase, 'self_assessment');
  assert.ok(ov.json().pcts.some((p: { orgCode: string }) => p.orgCode === '5C2'));
  assert.ok(!ov.json().pcts.some((p: { orgCode: string }) => p.orgCode === '5ND'));
});

test('PCTs self-assess in draft; another PCT\'s draft is not found; board members read but cannot edit', async () => {
  const s = await req('commissioner', 'PUT', `${base}/pcts/5C2/self-assessment/scores`, { scores: allSelfScores(f, (i) => 2 + (i % 2)) });
  assert.equal(s.statusCode, 200, s.body);
  assert.equal((await req('durham', 'PUT', `${base}/pcts/5ND/self-assessment/scores`, { scores: allSelfScores(f, () => 2).slice(0, 5) })).statusCode, 200);
  assert.equal((await req('durham', 'GET', `${base}/pcts/5C2/self-assessment`)).statusCode, 404);
  assert.equal((await req('commissioner', 'GET', `${base}/pcts/5ND/self-assessment`)).statusCode, 404);
  assert.equal((await req(null, 'GET', `${base}/pcts/5C2/self-assessment`)).statusCode, 401);
  assert.equal((await req('panel', 'GET', `${base}/pcts/5C2/self-assessment`)).statusCode, 404, 'a panel member not assigned to 5C2');
  const board = await req('board', 'GET', `${base}/pcts/5C2/self-assessment`);
  assert.equal(board.statusCode, 200);
  assert.equal(board.json().scores.filter((x: { level: number | null }) => x.level !== null).length, allSelfScores(f, () => 1).length);
  assert.equal((await req('board', 'PUT', `${base}/pcts/5C2/self-assessment/scores`, { scores: allSelfScores(f, () => 1).slice(0, 1) })).statusCode, 403);
  assert.equal((await req('commissioner', 'PUT', `${base}/pcts/5C2/self-assessment/scores`, { scores: [{ subCriterion: '12.1', level: 2, narrative: '' }] })).statusCode, 400);
});

test('evidence: accepted by content with its checksum, refused when disguised or too large, downloadable only by those who may see it', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const up = multipart({ documentType: 'five-year-strategic-plan', title: 'Strategic plan 2009–2014', subCriteria: '1.1, 5.2' }, { name: 'strategic-plan.pdf', bytes: pdf });
  const res = await t.app.inject({ method: 'POST', url: `${base}/pcts/5C2/evidence`, headers: { ...as.commissioner, ...up.headers }, payload: up.payload });
  assert.equal(res.statusCode, 201, res.body);
  const { createHash } = await import('node:crypto');
  assert.equal(res.json().sha256, createHash('sha256').update(pdf).digest('hex'));
  assert.deepEqual(res.json().subCriteria, ['1.1', '5.2']);
  const exe = multipart({ documentType: 'financial-plan', title: 'x' }, { name: 'plan.pdf', bytes: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1') });
  const refused = await t.app.inject({ method: 'POST', url: `${base}/pcts/5C2/evidence`, headers: { ...as.commissioner, ...exe.headers }, payload: exe.payload });
  assert.equal(refused.statusCode, 400);
  const big = multipart({ documentType: 'financial-plan', title: 'big' }, { name: 'big.csv', bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x61) });
  assert.equal((await t.app.inject({ method: 'POST', url: `${base}/pcts/5C2/evidence`, headers: { ...as.commissioner, ...big.headers }, payload: big.payload })).statusCode, 413);
  const other = await t.app.inject({ method: 'POST', url: `${base}/pcts/5C2/evidence`, headers: { ...as.durham, ...up.headers }, payload: up.payload });
  assert.equal(other.statusCode, 403);
  const id = res.json().id;
  assert.equal((await req('durham', 'GET', `/api/assurance/evidence/${id}/download`)).statusCode, 404);
  const dl = await req('sha.lead', 'GET', `/api/assurance/evidence/${id}/download`);
  assert.equal(dl.statusCode, 200);
  assert.deepEqual(dl.rawPayload, pdf);
});

test('the 360° survey: one-time links, anonymous answers, groups under 5 suppressed', async () => {
  const people = [...Array(6)].map((_, i) => ({ name: `LA ${i}`, email: `la${i}@council.example`, group: 'local-authority' }))
    .concat([...Array(5)].map((_, i) => ({ name: `Provider ${i}`, email: `p${i}@trust.example`, group: 'providers' })))
    .concat([...Array(3)].map((_, i) => ({ name: `GP ${i}`, email: `gp${i}@practice.example`, group: 'gp-practices' })));
  const added = await req('commissioner', 'POST', `${base}/pcts/5C2/stakeholders`, { stakeholders: people });
  assert.equal(added.statusCode, 201, added.body);
  const tokens: string[] = added.json().stakeholders.map((s: { token: string }) => s.token);
  const stored = await t.db.query('SELECT token_hash FROM assurance_stakeholders');
  assert.ok(stored.rows.every((r) => !tokens.includes(r.token_hash)), 'only hashes are stored');
  for (const [i, token] of tokens.entries()) {
    const form = await req(null, 'GET', `/api/survey/${token}`);
    assert.equal(form.statusCode, 200);
    const answers = form.json().items.map((it: { id: string; kind: string }) => (it.kind === 'likert' ? { itemId: it.id, value: 2 + (i % 3) } : { itemId: it.id, text: `comment ${i}` }));
    assert.equal((await req(null, 'POST', `/api/survey/${token}`, { answers })).statusCode, 201);
  }
  const reuse = await req(null, 'POST', `/api/survey/${tokens[0]}`, { answers: [] });
  assert.equal(reuse.statusCode, 409);
  assert.equal((await req(null, 'GET', `/api/survey/${tokens[0]}`)).statusCode, 409);
  const cols = await t.db.query("SELECT column_name FROM information_schema.columns WHERE table_name IN ('assurance_survey_responses', 'assurance_survey_answers')");
  assert.ok(!cols.rows.some((r) => /stakeholder|token|email|_at$/.test(r.column_name)), 'answers cannot be linked to a person');
  assert.equal((await t.db.query('SELECT count(*) AS n FROM assurance_survey_responses')).rows[0].n, 14);
  const results = await req('commissioner', 'GET', `${base}/pcts/5C2/survey-results`);
  const c1 = results.json().current.competencies.find((c: { competency: number }) => c.competency === 1).results;
  const by = Object.fromEntries(c1.map((r: { group: string; suppressed: boolean }) => [r.group, r.suppressed]));
  assert.equal(by['gp-practices'], true);
  assert.equal(by['local-authority'], false);
  assert.equal(by.all, false);
  const gpRow = c1.find((r: { group: string }) => r.group === 'gp-practices');
  assert.equal(gpRow.mean, null);
});

test('deadlines: after the deadline only an SHA reopening allows a late edit, which is audited', async () => {
  assert.equal((await req('commissioner', 'POST', `${base}/pcts/5C2/self-assessment/submit`)).statusCode, 200);
  assert.equal((await req('commissioner', 'PUT', `${base}/pcts/5C2/self-assessment/scores`, { scores: allSelfScores(f, () => 4).slice(0, 1) })).statusCode, 409);
  t.clock.set('2010-01-16T09:00:00Z');
  assert.equal((await req('durham', 'PUT', `${base}/pcts/5ND/self-assessment/scores`, { scores: allSelfScores(f, () => 2) })).statusCode, 409);
  assert.equal((await req('sha.lead', 'POST', `${base}/pcts/5ND/reopenings`, { reason: 'x', until: '2010-01-20T17:00:00Z' })).statusCode, 403);
  assert.equal((await req('ne.lead', 'POST', `${base}/pcts/5ND/reopenings`, { reason: 'Finance director was ill in January', until: '2010-01-20T17:00:00Z' })).statusCode, 201);
  assert.equal((await req('durham', 'PUT', `${base}/pcts/5ND/self-assessment/scores`, { scores: allSelfScores(f, (i) => 1 + (i % 3)) })).statusCode, 200);
  assert.equal((await req('durham', 'POST', `${base}/pcts/5ND/self-assessment/submit`)).statusCode, 200);
  const audit = await t.db.query("SELECT action FROM audit_log WHERE org_code = '5ND' AND action LIKE 'assurance.self.%' ORDER BY id");
  assert.ok(audit.rows.some((r) => r.action === 'assurance.self.late-edit'));
  assert.ok(audit.rows.some((r) => r.action === 'assurance.self.reopen'));
});

test('panel: conflicts declared, independent scores hidden until you submit, chair agrees with rationale, agreement shown', async () => {
  t.clock.set('2010-02-05T09:00:00Z');
  const assign = await req('sha.lead', 'PUT', `${base}/pcts/5C2/panel`, { members: [{ email: 'panel@wcc.example', chair: true }, { email: 'panel2@wcc.example', chair: false }] });
  assert.equal(assign.statusCode, 200, assign.body);
  assert.equal((await req('sha.lead', 'PUT', `${base}/pcts/5ND/panel`, { members: [{ email: 'panel@wcc.example', chair: true }] })).statusCode, 403);
  const mine = allPanelItems(f, (n) => (n % 2 ? 2 : 3), () => 'green');
  assert.equal((await req('panel', 'PUT', `${base}/pcts/5C2/panel/my-scores`, { items: mine, submit: false })).statusCode, 409, 'conflicts first');
  for (const who of ['panel', 'panel2']) assert.equal((await req(who, 'PUT', `${base}/pcts/5C2/panel/conflict`, { conflict: 'none', note: '' })).statusCode, 200);
  assert.equal((await req('panel', 'PUT', `${base}/pcts/5C2/panel/my-scores`, { items: mine, submit: true })).statusCode, 200);
  const before = await req('panel2', 'GET', `${base}/pcts/5C2/panel`);
  assert.equal(before.json().othersHidden, true);
  assert.equal(before.json().scores.length, 0, 'a colleague\'s scores are hidden before you submit');
  const theirs = allPanelItems(f, (n) => (n % 3 ? 2 : 3), (_, i) => (i === 0 ? 'amber' : 'green'));
  assert.equal((await req('panel2', 'PUT', `${base}/pcts/5C2/panel/my-scores`, { items: theirs, submit: true })).statusCode, 200);
  const afterSubmit = (await req('panel2', 'GET', `${base}/pcts/5C2/panel`)).json();
  assert.equal(afterSubmit.othersHidden, false);
  assert.equal(afterSubmit.scores.length, mine.length * 2);
  assert.ok(afterSubmit.agreement.levelExactAgreement > 0 && afterSubmit.agreement.levelExactAgreement < 1);
  assert.equal((await req('panel2', 'PUT', `${base}/pcts/5C2/agreed`, { items: mine })).statusCode, 403);
  assert.equal((await req('panel', 'PUT', `${base}/pcts/5C2/agreed`, { items: mine.map((m) => ({ ...m, note: '' })) })).statusCode, 400);
  assert.equal((await req('panel', 'PUT', `${base}/pcts/5C2/agreed`, { items: allPanelItems(f, (n) => (n === 5 ? 1 : 2), () => 'green', 'Agreed after discussion') })).statusCode, 200);
  // North East panel for 5ND.
  assert.equal((await req('ne.lead', 'PUT', `${base}/pcts/5ND/panel`, { members: [{ email: 'ne.panel@wcc.example', chair: true }] })).statusCode, 200);
  await req('ne.panel', 'PUT', `${base}/pcts/5ND/panel/conflict`, { conflict: 'none', note: '' });
  const ne = allPanelItems(f, () => 3, (_, i) => (i < 2 ? 'amber' : 'green'), 'North East panel rationale');
  assert.equal((await req('ne.panel', 'PUT', `${base}/pcts/5ND/panel/my-scores`, { items: ne, submit: true })).statusCode, 200);
  assert.equal((await req('ne.panel', 'PUT', `${base}/pcts/5ND/agreed`, { items: ne })).statusCode, 200);
  const cmp = (await req('commissioner', 'GET', `${base}/pcts/5C2/report`)).json().selfVsPanel;
  assert.ok(cmp.panelBelowSelf > 0);
});

test('calibration and moderation with a reason; results hidden before publication; autonomy confirmed; open data after', async () => {
  t.clock.set('2010-03-05T09:00:00Z');
  assert.equal((await req('sha.lead', 'GET', `${base}/calibration`)).statusCode, 403);
  const cal = (await req('admin', 'GET', `${base}/calibration`)).json();
  assert.deepEqual(cal.shas.map((s: { shaCode: string }) => s.shaCode), ['Q30', 'Q36']);
  assert.equal(cal.distributions.find((d: { shaCode: string; competency: string }) => d.shaCode === 'Q36' && d.competency === '5').counts[0], 1);
  assert.equal((await req('admin', 'POST', `${base}/pcts/5C2/moderations`, { item: { kind: 'competency', item: '5', level: 2 }, reason: 'short' })).statusCode, 400);
  const mod = await req('admin', 'POST', `${base}/pcts/5C2/moderations`, { item: { kind: 'competency', item: '5', level: 2 }, reason: 'JSNA evidence meets level 2 as calibrated nationally' });
  assert.equal(mod.statusCode, 201, mod.body);
  assert.equal((await req('admin', 'GET', `${base}/calibration`)).json().moderations.length, 1);

  assert.equal((await req('admin', 'POST', `${base}/autonomy/compute`)).statusCode, 200);
  assert.equal((await req('sha.lead', 'POST', `${base}/autonomy/confirm`, { changes: [] })).statusCode, 403);
  assert.equal((await req('admin', 'POST', `${base}/autonomy/confirm`, { changes: [] })).statusCode, 200);

  assert.equal((await req(null, 'GET', '/api/open-data/assurance/2009-10.csv')).statusCode, 404);
  assert.equal((await req(null, 'GET', `${base}/pcts/5C2/report`)).statusCode, 401);
  assert.equal((await req('durham', 'GET', `${base}/pcts/5C2/report`)).statusCode, 404);
  assert.equal((await req('board', 'GET', `${base}/pcts/5C2/report`)).statusCode, 200);
  assert.equal((await req('commissioner', 'GET', `${base}/league`)).statusCode, 403);

  t.clock.set('2010-05-01T09:00:01Z');
  const csv = await req(null, 'GET', '/api/open-data/assurance/2009-10.csv');
  assert.equal(csv.statusCode, 200);
  const lines = csv.body.trim().split('\r\n');
  assert.equal(lines.length, 3);
  const header = lines[0].split(',');
  const row5C2 = lines.find((l) => l.includes('5C2'))!.split(',');
  assert.equal(row5C2[header.indexOf('competency_5')], '2', 'moderated level is published');
  assert.equal(row5C2[header.indexOf('competency_1')], '2');
  const json = (await req(null, 'GET', '/api/open-data/assurance/2009-10.json')).json();
  const nd = json.rows.find((r: { org_code: string }) => r.org_code === '5ND');
  assert.equal(nd.competency_7, 3);
  assert.ok(nd.autonomy_status);
  assert.equal((await req(null, 'GET', `${base}/pcts/5C2/report`)).statusCode, 200);
  const league = (await req(null, 'GET', `${base}/league`)).json();
  assert.equal(league.rows[0].orgCode, '5C2', 'all-green governance ranks first');
  const pdf = await req(null, 'GET', `${base}/pcts/5C2/report.pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('other features read latest and weakest competency scores', async () => {
  const { latestCompetencyScores, weakestCompetencies } = await import('./index.ts');
  const latest = await latestCompetencyScores(t.db, '5c2');
  assert.equal(latest.length, 11);
  assert.deepEqual(latest.find((s) => s.competencyId === 5), { competencyId: 5, level: 2, cycleYear: '2009-10' });
  const cycleId = (await t.db.query("SELECT id FROM assurance_cycles WHERE year = '2009-10'")).rows[0].id;
  const weakest = await weakestCompetencies(t.db, '5C2', cycleId);
  assert.equal(weakest.length, 3);
  assert.ok(weakest.every((w) => w.level === 2));
});

test('a streamlined second cycle carries scores and evidence forward, marked for review', async () => {
  const next = { selfAssessmentDeadline: '2011-01-14T17:00:00Z', surveyOpens: '2010-11-01T00:00:00Z', surveyCloses: '2011-01-10T00:00:00Z',
    panelsFrom: '2011-02-01', panelsTo: '2011-02-28', calibrationBy: '2011-03-15', publicationAt: '2011-05-01T09:00:00Z' };
  assert.equal((await req('admin', 'POST', '/api/assurance/cycles', { year: '2010-11', frameworkId: 'wcc', frameworkVersion: '2009-10', timetable: next })).statusCode, 201);
  t.clock.set('2010-11-10T09:00:00Z');
  const sa = (await req('commissioner', 'GET', '/api/assurance/cycles/2010-11/pcts/5C2/self-assessment')).json();
  assert.equal(sa.streamlined, true);
  assert.ok(sa.scores.every((s: { needsReview: boolean; level: number }) => s.needsReview && s.level >= 2));
  assert.equal(sa.evidence.length, 1);
  assert.equal(sa.evidence[0].needsReview, true);
  const submit = await req('commissioner', 'POST', '/api/assurance/cycles/2010-11/pcts/5C2/self-assessment/submit');
  assert.equal(submit.statusCode, 400);
  assert.match(submit.body, /carried forward/);
});
