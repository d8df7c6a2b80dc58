// Browser test: one assurance cycle for two PCTs (Barking & Dagenham 5C2, County Durham 5ND) from opening to
// publication through the web app, as each actor — including the attempts to see what one may not: another
// PCT's draft, a colleague's scores before submitting, a stakeholder group under 5, results before
// publication, and a stakeholder link used twice. Stakeholder answers beyond the first are sent through the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seedDemoUsers } from '../src/platform/demo.ts';
import { seedAssuranceDemoUsers, syncAssuranceFrameworks } from '../src/assurance/index.ts';
import { axeViolations, expectCount, expectText, screenshot, signIn, startHarness, type Harness } from './browser.ts';

let h: Harness;
let url: string;

before(async () => {
  // Demo accounts but no demo cycle (this test opens its own), with the assurance panel's accounts added.
  h = await startHarness({
    config: { loadDemo: true, loadDemoContent: false, loadDemoData: false },
    seed: async (db) => {
      await syncAssuranceFrameworks(db);
      await seedDemoUsers(db);
      await seedAssuranceDemoUsers(db);
    },
  });
  url = h.url;
});
after(async () => {
  await h?.close();
});

async function as(email: string): Promise<Page> {
  const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, url, email);
  await page.waitForURL(`${url}/`);
  return page;
}
const selectAll = async (page: Page, css: string, value: (i: number) => string) => {
  const all = page.locator(css);
  const n = await all.count();
  for (let i = 0; i < n; i++) await all.nth(i).selectOption(value(i));
  return n;
};
/** A JSON request from inside the signed-in page (its cookie and CSRF token), as the web app makes them. */
const apiFromPage = (page: Page, method: string, path: string, body: unknown) => page.evaluate(async ({ method, path, body }) => {
  const session = await (await fetch('/api/session')).json();
  const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}, { method, path, body });

async function selfAssess(page: Page, org: string, level: string) {
  await page.goto(`${url}/assurance/2009-10/pcts/${org}`);
  await page.getByRole('heading', { name: 'Self-assessment', level: 1 }).waitFor();
  await page.locator('select[id^="level-"]').nth(32).waitFor();
  assert.ok(await selectAll(page, 'select[id^="level-"]', () => level) >= 33);
}

async function scorePanel(page: Page, org: string, level: (i: number) => string, rag: (i: number) => string) {
  await page.goto(`${url}/assurance/2009-10/pcts/${org}/panel`);
  await page.getByRole('button', { name: 'I have no conflict of interest' }).click();
  await page.getByRole('heading', { name: 'Your scores' }).waitFor();
  await expectCount(page.locator('select[id^="mine-level-"]'), 11);
  await expectCount(page.locator('select[id^="mine-rag-"]'), 16);
  assert.equal(await selectAll(page, 'select[id^="mine-level-"]', level), 11);
  assert.equal(await selectAll(page, 'select[id^="mine-rag-"]', rag), 16);
}

test('one cycle for two PCTs from opening to publication, with the forbidden attempts refused', async () => {
  // National team opens the cycle.
  const admin = await as('admin@wcc.example');
  await admin.locator('header nav a[href="/assurance"]').first().waitFor({ state: 'attached' });   // the menu offers Assurance
  await admin.goto(`${url}/assurance`);
  await admin.getByRole('button', { name: 'Open the cycle' }).click();
  await admin.waitForURL(`${url}/assurance/2009-10`).catch(async (e) => { throw new Error(`${e}\n${await admin.locator('main').innerText()}`); });
  await admin.getByText('Phase now:').waitFor();
  await screenshot(admin, 'assurance-cycle');

  // 5C2 self-assesses, uploads evidence, lists a stakeholder and submits.
  const pct = await as('commissioner@wcc.example');
  await selfAssess(pct, '5C2', '3');
  await pct.locator('#evidence-title').fill('Strategic plan 2009–2014');
  await pct.locator('#evidence-subs').fill('1.1, 5.2');
  await pct.locator('#evidence-file').setInputFiles({ name: 'strategic-plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await pct.getByRole('button', { name: 'Upload document' }).click();
  await pct.getByText('Document uploaded.').waitFor();
  // The upload reloads the self-assessment (unsaved choices are kept): wait for that reload.
  await pct.getByRole('table', { name: 'Documents' }).getByText('Strategic plan 2009–2014').waitFor();
  await pct.locator('#evidence-file').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf', 'latin1') });
  await pct.getByRole('button', { name: 'Upload document' }).click();
  await pct.getByText(/not a PDF, DOCX, XLSX, ODT, CSV or PNG/).waitFor();
  await pct.locator('#stakeholder-name').fill('Councillor Ada Green');
  await pct.locator('#stakeholder-email').fill('ada@council.example');
  await pct.getByRole('button', { name: 'Add stakeholder' }).click();
  await pct.getByText('Councillor Ada Green added.').waitFor();
  const link = await pct.locator('a.survey-link').first().getAttribute('href');
  assert.ok(link?.startsWith('/survey/'));
  await selectAll(pct, 'select[id^="level-"]', () => '3');
  await pct.getByRole('button', { name: 'Submit self-assessment' }).click();
  await pct.getByText('Self-assessment submitted. It is now locked.').waitFor();
  await screenshot(pct, 'assurance-self-assessment');
  const saAxe = (await axeViolations(pct)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(saAxe.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`), []);
  // Another PCT's draft: not found.
  await pct.goto(`${url}/assurance/2009-10/pcts/5ND`);
  await pct.getByRole('heading', { name: 'Page not found' }).waitFor();

  // The stakeholder answers through the one-time link, with no account; the link then refuses.
  const anon = await (await h.browser.newContext()).newPage();
  await anon.goto(`${url}${link}`);
  await anon.getByRole('heading', { name: /How well does .* commission/ }).waitFor();
  const fieldsets = anon.locator('fieldset');
  for (let i = 0; i < await fieldsets.count(); i++) await fieldsets.nth(i).getByLabel('Agree', { exact: true }).check();
  const axe = await axeViolations(anon);
  assert.deepEqual(axe.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
  await screenshot(anon, 'assurance-survey');
  await anon.getByRole('button', { name: 'Send my answers' }).click();
  await anon.getByRole('heading', { name: 'Thank you' }).waitFor();
  await anon.goto(`${url}${link}`);
  await anon.getByRole('heading', { name: 'This link has already been used' }).waitFor();

  // More stakeholders through the API: 4 more in local authority (5 in all), 5 providers, 2 GP practices.
  // GP practices are withheld (2 < 5), and so is one more group: otherwise all minus the rest would reveal them.
  const more = [...Array(4)].map((_, i) => ({ name: `LA ${i}`, email: `la${i}@council.example`, group: 'local-authority' }))
    .concat([...Array(5)].map((_, i) => ({ name: `Provider ${i}`, email: `p${i}@trust.example`, group: 'providers' })))
    .concat([...Array(2)].map((_, i) => ({ name: `GP ${i}`, email: `gp${i}@practice.example`, group: 'gp-practices' })));
  const added = await apiFromPage(pct, 'POST', '/api/assurance/cycles/2009-10/pcts/5C2/stakeholders', { stakeholders: more });
  assert.equal(added.status, 201);
  for (const s of added.json.stakeholders as { token: string }[]) {
    const form = await (await anon.request.get(`${url}/api/survey/${s.token}`)).json();
    const answers = form.items.filter((i: { kind: string }) => i.kind === 'likert').map((i: { id: string }) => ({ itemId: i.id, value: 4 }));
    assert.equal((await anon.request.post(`${url}/api/survey/${s.token}`, { data: { answers } })).status(), 201);
  }

  // County Durham self-assesses and submits.
  const durham = await as('durham@wcc.example');
  await selfAssess(durham, '5ND', '2');
  await durham.getByRole('button', { name: 'Submit self-assessment' }).click();
  await durham.getByText('Self-assessment submitted. It is now locked.').waitFor();

  // SHA leads assign panels.
  for (const [lead, org, members, chair] of [['sha.lead', '5C2', 'panel@wcc.example, panel2@wcc.example', 'panel@wcc.example'], ['ne.lead', '5ND', 'ne.panel@wcc.example', 'ne.panel@wcc.example']]) {
    const p = await as(`${lead}@wcc.example`);
    await p.goto(`${url}/assurance/2009-10/pcts/${org}/panel`);
    await p.locator('#panel-members').fill(members);
    await p.locator('#panel-chair').fill(chair);
    await p.getByRole('button', { name: 'Assign panel' }).click();
    await p.getByText('Panel assigned.').waitFor();
  }

  // Panel members score alone; a colleague's scores stay hidden until you submit.
  const chairPage = await as('panel@wcc.example');
  await scorePanel(chairPage, '5C2', (i) => (i === 4 ? '1' : '2'), () => 'green');
  await chairPage.getByRole('button', { name: 'Submit my scores' }).click();
  await chairPage.getByText('Your scores are submitted.').waitFor();
  const colleague = await as('panel2@wcc.example');
  await scorePanel(colleague, '5C2', (i) => (i % 2 ? '3' : '2'), () => 'green');
  await colleague.getByText('Colleagues\' scores are hidden until you submit your own.').waitFor();
  const submittedScores = colleague.locator('table').filter({ has: colleague.locator('caption', { hasText: 'Submitted scores' }) });
  assert.equal(await submittedScores.count(), 0, 'no colleague scores before submitting');
  await screenshot(colleague, 'assurance-panel-hidden');
  const panelAxe = (await axeViolations(colleague)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(panelAxe.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`), []);
  await colleague.getByRole('button', { name: 'Submit my scores' }).click();
  await colleague.getByText('Your scores are submitted.').waitFor();
  await submittedScores.getByRole('columnheader', { name: /Priya Patel/ }).waitFor();
  await colleague.getByText(/Inter-rater agreement: exact agreement on levels/).waitFor();
  // Survey results: GP practices (2) withheld, with one 5-strong group for complementary suppression; the other shown.
  const surveyRow = (await colleague.locator('table').filter({ hasText: '360° survey' }).locator('tr').filter({ hasText: '1. Locally lead the NHS' }).innerText()).split('\t');
  assert.match(surveyRow[3], /^Withheld/, 'GP practices: 2 answers');
  assert.deepEqual([surveyRow[2], surveyRow[4]].map((c) => (c.startsWith('Withheld') ? 'withheld' : c)).sort(), ['4.00 (5)', 'withheld'], surveyRow.join(' | '));
  assert.equal(surveyRow[1], '4.00 (12)');

  // The chair records the agreed scores with rationale, and writes the report.
  await chairPage.reload();
  await chairPage.getByRole('heading', { name: 'Agreed scores' }).waitFor();
  const notes = chairPage.locator('textarea[id^="agreed-note-"]');
  for (let i = 0; i < await notes.count(); i++) await notes.nth(i).fill('Agreed by the panel on the evidence and the 360° results');
  await chairPage.getByRole('button', { name: 'Record agreed scores' }).click();
  await chairPage.getByText('Agreed scores recorded.').waitFor();
  await screenshot(chairPage, 'assurance-panel-agreed');
  await chairPage.goto(`${url}/assurance/2009-10/pcts/5C2/report`);
  await chairPage.locator('#report-overview').fill('Barking & Dagenham has a clear strategy; needs assessment and prioritisation lag behind.');
  for (const i of [1, 2, 3]) await chairPage.locator(`#report-rec-${i}`).fill(`Recommendation ${i}: strengthen competency ${i + 4}.`);
  await chairPage.locator('#report-priorities').fill('Joint strategic needs assessment; programme budgeting.');
  await chairPage.getByRole('button', { name: 'Save the report' }).click();
  await chairPage.getByText('Report saved.').waitFor();

  const ne = await as('ne.panel@wcc.example');
  await scorePanel(ne, '5ND', () => '3', (i) => (i < 2 ? 'amber' : 'green'));
  await ne.getByRole('button', { name: 'Submit my scores' }).click();
  await ne.getByText('Your scores are submitted.').waitFor();
  await ne.reload();
  const neNotes = ne.locator('textarea[id^="agreed-note-"]');
  await neNotes.first().waitFor();
  for (let i = 0; i < await neNotes.count(); i++) await neNotes.nth(i).fill('North East panel rationale');
  await ne.getByRole('button', { name: 'Record agreed scores' }).click();
  await ne.getByText('Agreed scores recorded.').waitFor();

  // National calibration, moderation with a reason, autonomy computed then confirmed.
  await admin.goto(`${url}/assurance/2009-10/calibration`);
  await admin.getByRole('heading', { name: 'National calibration' }).waitFor();
  await admin.locator('#mod-org').fill('5C2');
  await admin.locator('#mod-competency').fill('5');
  await admin.locator('#mod-level').selectOption('2');
  await admin.locator('#mod-reason').fill('JSNA evidence meets level 2 as calibrated nationally');
  await admin.getByRole('button', { name: 'Record moderation' }).click();
  await admin.getByText('Moderation recorded.').waitFor();
  await screenshot(admin, 'assurance-calibration');
  await admin.goto(`${url}/assurance/2009-10`);
  await admin.getByRole('button', { name: 'Compute earned autonomy' }).click();
  await admin.getByText('Proposals computed from the policy.').waitFor();
  await admin.getByRole('button', { name: 'Confirm ratings and autonomy' }).click();
  await admin.getByText('Ratings confirmed').waitFor();

  // Before publication: the public sees nothing; another PCT cannot read 5C2's report.
  await anon.goto(`${url}/assurance/2009-10/league`);
  await anon.getByRole('heading', { name: 'Not published yet' }).waitFor();
  assert.equal((await anon.request.get(`${url}/api/open-data/assurance/2009-10.csv`)).status(), 404);
  await durham.goto(`${url}/assurance/2009-10/pcts/5C2/report`);
  await durham.getByRole('heading', { name: 'Page not found' }).waitFor();

  // The national team brings publication forward to now (the timetable must stay in order).
  const day = 86_400_000; const now = Date.now();
  const at = (d: number) => new Date(now + d * day).toISOString().slice(0, 19) + 'Z';
  const date = (d: number) => new Date(now + d * day).toISOString().slice(0, 10);
  for (const [id, v] of [['selfAssessmentDeadline', at(-6)], ['surveyOpens', at(-9)], ['surveyCloses', at(-7)], ['panelsFrom', date(-5)], ['panelsTo', date(-4)], ['calibrationBy', date(-2)], ['publicationAt', at(-0.001)]]) {
    await admin.locator(`#tt-${id}`).fill(v);
  }
  await admin.getByRole('button', { name: 'Save the timetable' }).click();
  await admin.getByText('Timetable changed.').waitFor();

  // After publication: league, report and open data are public, and match what was entered.
  await anon.goto(`${url}/assurance/2009-10/league`);
  await anon.getByRole('heading', { name: 'Assurance results 2009-10' }).waitFor();
  const league = anon.locator('table').first();
  await expectText(league, /5C2/);
  await expectText(league, /5ND/);
  await screenshot(anon, 'assurance-league');
  const leagueAxe = (await axeViolations(anon)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(leagueAxe.map((v) => `${v.id}: ${v.help}`), []);
  const csv = (await (await anon.request.get(`${url}/api/open-data/assurance/2009-10.csv`)).text()).trim().split('\r\n');
  const head = csv[0].split(',');
  const row = (org: string) => csv.find((l) => l.includes(`,${org},`))!.split(',');
  assert.equal(row('5C2')[head.indexOf('competency_5')], '2', 'moderated 1 → 2');
  assert.equal(row('5C2')[head.indexOf('competency_1')], '2');
  assert.equal(row('5C2')[head.indexOf('governance_overall')], 'green');
  assert.equal(row('5ND')[head.indexOf('competency_3')], '3');
  assert.notEqual(row('5ND')[head.indexOf('autonomy_status')], '');
  await anon.goto(`${url}/assurance/2009-10/pcts/5C2/report`);
  await anon.getByRole('heading', { name: /Panel report: / }).waitFor();
  await anon.getByText('Recommendation 2: strengthen competency 6.').waitFor();
  await screenshot(anon, 'assurance-report');
  const pdf = await anon.request.get(`${url}/api/assurance/cycles/2009-10/pcts/5C2/report.pdf`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
});
