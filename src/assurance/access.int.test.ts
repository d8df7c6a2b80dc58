// Access rules beyond the whole-cycle test: panel members score only where assigned and not conflicted,
// SHA leads act only for their own SHA's PCTs, the survey only inside its window, evidence carried forward.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startAssuranceTestApp } from './test-app.ts';
import { seedAssuranceDemoUsers } from './demo.ts';
import { getFramework } from './repo.ts';
import type { WccFramework } from './framework.ts';
import { allPanelItems, allSelfScores } from './test-helpers.ts';

let t: Awaited<ReturnType<typeof startAssuranceTestApp>>;
let f: WccFramework;
const as: Record<string, Record<string, string>> = {};
const base = '/api/assurance/cycles/2009-10';
const req = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who ? as[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

before(async () => {
  t = await startAssuranceTestApp('2009-11-02T09:00:00Z');
  await seedAssuranceDemoUsers(t.db);
  f = (await getFramework(t.db, 'wcc', '2009-10')) as WccFramework;
  for (const e of ['admin', 'sha.lead', 'panel', 'panel2', 'commissioner', 'ne.lead']) as[e] = await t.signIn(`${e}@wcc.example`);
  const timetable = { selfAssessmentDeadline: '2010-01-15T17:00:00Z', surveyOpens: '2009-11-01T00:00:00Z', surveyCloses: '2010-01-10T00:00:00Z',
    panelsFrom: '2010-02-01', panelsTo: '2010-02-28', calibrationBy: '2010-03-15', publicationAt: '2010-05-01T09:00:00Z' };
  assert.equal((await req('admin', 'POST', '/api/assurance/cycles', { year: '2009-10', frameworkId: 'wcc', frameworkVersion: '2009-10', timetable })).statusCode, 201);
  assert.equal((await req('commissioner', 'PUT', `${base}/pcts/5C2/self-assessment/scores`, { scores: allSelfScores(f, () => 2) })).statusCode, 200);
  assert.equal((await req('commissioner', 'POST', `${base}/pcts/5C2/self-assessment/submit`)).statusCode, 200);
});
after(async () => { await t?.stop(); });

test('a panel member not assigned to a PCT cannot score it or see it; a conflicted member cannot score', async () => {
  assert.equal((await req('sha.lead', 'PUT', `${base}/pcts/5C2/panel`, { members: [{ email: 'panel@wcc.example', chair: true }] })).statusCode, 200);
  const items = allPanelItems(f, () => 2, () => 'green');
  assert.equal((await req('panel2', 'PUT', `${base}/pcts/5C2/panel/my-scores`, { items, submit: false })).statusCode, 403);
  assert.equal((await req('panel2', 'GET', `${base}/pcts/5C2/panel`)).statusCode, 404);
  assert.equal((await req('sha.lead', 'PUT', `${base}/pcts/5C2/panel`, { members: [{ email: 'panel@wcc.example', chair: true }, { email: 'panel2@wcc.example', chair: false }] })).statusCode, 200);
  assert.equal((await req('panel2', 'PUT', `${base}/pcts/5C2/panel/conflict`, { conflict: 'declared', note: 'Non-executive director of the local acute trust' })).statusCode, 200);
  assert.equal((await req('panel2', 'PUT', `${base}/pcts/5C2/panel/my-scores`, { items, submit: false })).statusCode, 409);
  await req('panel', 'PUT', `${base}/pcts/5C2/panel/conflict`, { conflict: 'none', note: '' });
  assert.equal((await req('panel', 'PUT', `${base}/pcts/5C2/panel/my-scores`, { items, submit: true })).statusCode, 200);
  assert.equal((await req('panel', 'PUT', `${base}/pcts/5C2/agreed`, { items: items.map((i) => ({ ...i, note: 'Agreed' })) })).statusCode, 200, 'a conflicted member does not hold up the agreement');
  assert.equal((await req('panel', 'PUT', `${base}/pcts/5C2/panel/my-scores`, { items, submit: false })).statusCode, 409, 'submitted scores are locked');
  assert.equal((await req('ne.lead', 'PUT', `${base}/pcts/5C2/panel`, { members: [{ email: 'panel@wcc.example', chair: true }] })).statusCode, 403);
  assert.equal((await req('sha.lead', 'PUT', `${base}/pcts/5C3/panel`, { members: [{ email: 'ne.panel@wcc.example', chair: true }] })).statusCode, 400, 'only panel members of the SHA');
});

test('SHA leads list stakeholders for their own PCTs only; a survey link outside its window is refused', async () => {
  const one = [{ name: 'Practice manager', email: 'pm@practice.example', group: 'gp-practices' }];
  assert.equal((await req('ne.lead', 'POST', `${base}/pcts/5C2/stakeholders`, { stakeholders: one })).statusCode, 403);
  const added = await req('sha.lead', 'POST', `${base}/pcts/5C2/stakeholders`, { stakeholders: one });
  assert.equal(added.statusCode, 201);
  assert.equal((await req('sha.lead', 'POST', `${base}/pcts/5C2/stakeholders`, { stakeholders: one })).statusCode, 409, 'no duplicates');
  assert.equal((await req('sha.lead', 'POST', `${base}/pcts/5C2/stakeholders`, { stakeholders: [{ ...one[0], email: 'x@y.example', group: 'aliens' }] })).statusCode, 400);
  t.clock.set('2010-01-11T09:00:00Z');
  const token = added.json().stakeholders[0].token;
  assert.equal((await req(null, 'GET', `/api/survey/${token}`)).json().open, false);
  assert.equal((await req(null, 'POST', `/api/survey/${token}`, { answers: [{ itemId: 'Q01', value: 4 }] })).statusCode, 409);
  assert.equal((await req(null, 'GET', '/api/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);
  t.clock.set('2009-12-01T09:00:00Z');
  assert.equal((await req(null, 'POST', `/api/survey/${token}`, { answers: [{ itemId: 'Q11', value: 4 }] })).statusCode, 400, 'Q11 is not asked of GP practices');
  assert.equal((await req(null, 'POST', `/api/survey/${token}`, { answers: [{ itemId: 'Q08', value: 9 }] })).statusCode, 400);
  assert.equal((await req(null, 'POST', `/api/survey/${token}`, { answers: [{ itemId: 'Q08', value: 5 }, { itemId: 'Q16', text: 'Good at listening' }] })).statusCode, 201);
  const stored = await t.db.query('SELECT a.item_id, a.value, a.text FROM assurance_survey_answers a ORDER BY item_id');
  assert.deepEqual(stored.rows, [{ item_id: 'Q08', value: 5, text: null }, { item_id: 'Q16', value: null, text: 'Good at listening' }]);
});

test('the national team changes the timetable only in order; others may not', async () => {
  const cycle = (await req('admin', 'GET', base)).json().cycle;
  assert.equal((await req('sha.lead', 'PUT', `${base}/timetable`, cycle.timetable)).statusCode, 403);
  const bad = await req('admin', 'PUT', `${base}/timetable`, { ...cycle.timetable, panelsTo: '2010-01-01' });
  assert.equal(bad.statusCode, 400);
  assert.equal((await req('admin', 'PUT', `${base}/timetable`, { ...cycle.timetable, publicationAt: '2010-06-01T09:00:00.000Z' })).statusCode, 200);
  const audit = await t.db.query("SELECT before, after FROM audit_log WHERE action = 'assurance.cycle.timetable'");
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0].after.publicationAt, '2010-06-01T09:00:00.000Z');
});

test('concurrent submissions: every distinct link is stored once; the same link sent twice at once is stored once', async () => {
  t.clock.set('2009-12-02T09:00:00Z');
  const people = [...Array(30)].map((_, i) => ({ name: `P${i}`, email: `p${i}@trust.example`, group: 'providers' }));
  const tokens: string[] = (await req('sha.lead', 'POST', `${base}/pcts/5C2/stakeholders`, { stakeholders: people })).json().stakeholders.map((x: { token: string }) => x.token);
  const before = Number((await t.db.query('SELECT count(*) AS n FROM assurance_survey_responses')).rows[0].n);
  const sends = [...tokens, tokens[0], tokens[1]].map((tok) => req(null, 'POST', `/api/survey/${tok}`, { answers: [{ itemId: 'Q11', value: 3 }] }));
  const codes = (await Promise.all(sends)).map((r) => r.statusCode);
  assert.equal(codes.filter((c) => c === 201).length, 30);
  assert.equal(codes.filter((c) => c === 409).length, 2);
  const after = Number((await t.db.query('SELECT count(*) AS n FROM assurance_survey_responses')).rows[0].n);
  assert.equal(after - before, 30);
  const audit = await t.db.query("SELECT count(*) AS n FROM audit_log WHERE action = 'assurance.survey.response'");
  assert.equal(Number(audit.rows[0].n), after);
});

test('indicators linked as evidence must exist in the catalogue', async () => {
  t.clock.set('2009-12-03T09:00:00Z');
  await req('sha.lead', 'POST', `${base}/pcts/5C2/reopenings`, { reason: 'Add outcome indicators as evidence', until: '2009-12-10T09:00:00Z' });
  const res = await req('commissioner', 'PUT', `${base}/pcts/5C2/self-assessment/scores`, { scores: [{ subCriterion: '5.1', level: 2, narrative: 'JSNA', metrics: ['NO-SUCH-INDICATOR'] }] });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /no indicator NO-SUCH-INDICATOR/);
});
