// Browser test: a mini-competition from business case to award, as the PCT, three suppliers and two
// evaluators would run it; a supplier tries to read a rival's bid (before and after the deadline) and
// the national administrator and the PCT try to open sealed bids early, a bid attachment stays sealed
// until the deadline, a supplier uploads a framework document that a rival cannot open, and the national
// administrator adds a framework and admits suppliers. Time passing (the bid deadline, the 10-day
// standstill) is simulated by moving the stored dates into the past.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/platform/server.ts';
import { seedDemoUsers } from '../src/platform/demo.ts';
import { startTestDatabase, type TestDatabase } from '../src/platform/testing/test-database.ts';
import { loadReferenceOrganisations } from '../src/orgs/index.ts';
import { seedProcurementDemo } from '../src/procurement/index.ts';
import { axeViolations, expectH1, screenshot, signIn } from './browser.ts';

const shared = process.env.WCC_SHARED_DATA ?? resolve(import.meta.dirname, '../../shared/data');
let database: TestDatabase;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let dataDir: string;
let url = '';
let competitionUrl = '';

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wcc-e2e-procurement-'));
  database = await startTestDatabase();
  await loadReferenceOrganisations(database.db, shared);
  await seedDemoUsers(database.db);
  await seedProcurementDemo(database.db);
  server = await startServer({ ...loadConfig({ WCC_SHARED_DATA: shared }), databaseUrl: database.url, dataDir, port: 0, cookieSecure: true, loadDemo: true, loadDemoContent: false, loadDemoData: false, logLevel: 'silent' }, () => undefined);
  url = server.url;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function as(email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, url, email);
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  return page;
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const ATTACHMENT = 'Tribal method statement, sealed';
let attachmentUrl = '';

const localDateTime = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const competitionId = () => competitionUrl.split('/').pop()!;

async function bidAs(email: string, price: string, response: string): Promise<Page> {
  const page = await as(email);
  await page.goto(competitionUrl);
  await page.getByLabel('Response to the requirement').fill(response);
  await page.getByLabel('Price (£)').fill(price);
  await page.getByRole('button', { name: 'Submit sealed bid' }).click();
  await page.getByRole('table', { name: 'Your bid receipt' }).waitFor();
  return page;
}

test('the PCT writes a business case, records board approval, publishes the requirement and appoints evaluators', async () => {
  const page = await as('commissioner@wcc.example');
  await page.goto(`${url}/procurement/competitions/new`);
  await page.getByLabel('Title', { exact: true }).fill('Risk stratification for Barking & Dagenham');
  await page.getByLabel('The need').fill('We cannot yet stratify risk of emergency admission.');
  await page.getByLabel('Competencies to strengthen').fill('5, 6');
  await page.getByLabel('Budget (£)').fill('250000');
  await page.getByRole('button', { name: 'Save business case' }).click();
  await page.waitForURL(/\/procurement\/competitions\/[0-9a-f-]{36}$/);
  competitionUrl = page.url();
  await expectH1(page, 'Risk stratification for Barking & Dagenham');

  await page.getByLabel('Date the board approved (YYYY-MM-DD)').fill('2008-05-20');
  await page.getByLabel('Board minute').fill('Minute 08/112');
  await page.getByRole('button', { name: 'Record approval' }).click();
  await page.getByRole('heading', { name: /Publish the requirement/ }).waitFor();
  await page.getByLabel('Requirement', { exact: true }).fill('Refresh the JSNA with a predictive risk model for every registered patient.');
  await page.getByLabel('Bid deadline').fill(localDateTime(new Date(Date.now() + 3600e3)));
  await page.getByRole('button', { name: 'Publish and invite suppliers' }).click();
  await page.getByRole('heading', { name: 'Clarification questions' }).waitFor();
  await page.getByLabel('Evaluators’ email addresses').fill('evaluator.one@wcc.example, evaluator.two@wcc.example');
  await page.getByRole('button', { name: 'Appoint evaluators' }).click();
  await page.getByText('bids sealed until then').waitFor();
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], 'competition page: serious accessibility violations');
  await screenshot(page, 'procurement-competition');
  await page.context().close();
});

test('three suppliers bid; a supplier asks a question that all see without its name', async () => {
  const tribal = await bidAs('supplier@wcc.example', '200000', 'Tribal: segmentation and risk model');
  await tribal.locator('#attachment-file').setInputFiles({ name: 'method-statement.pdf', mimeType: 'application/pdf', buffer: pdf(ATTACHMENT) });
  await tribal.getByRole('button', { name: 'Attach the document' }).click();
  await tribal.getByRole('table', { name: 'Your attachment receipts' }).locator('tbody tr').first().waitFor();
  assert.equal(await tribal.getByRole('table', { name: 'Your attachment receipts' }).locator('tbody tr').count(), 1);
  const { rows: [att] } = await database.db.query('SELECT id FROM procurement_bid_attachments WHERE competition_id = $1', [competitionId()]);
  attachmentUrl = `${url}/api/procurement/competitions/${competitionId()}/bids/SUP-TRIBAL/attachments/${att.id}`;
  await tribal.getByLabel('Your question').fill('Is practice-level data in scope?');
  await tribal.getByRole('button', { name: 'Ask the question' }).click();
  await tribal.getByLabel('Your question').waitFor();
  await tribal.context().close();
  const pct = await as('commissioner@wcc.example');
  await pct.goto(competitionUrl);
  await pct.getByLabel('Answer to question 1').fill('Yes, all 38 practices.');
  await pct.getByRole('button', { name: 'Publish answer 1' }).click();
  await pct.getByText('Answer: Yes, all 38 practices.').waitFor();
  await pct.context().close();
  const bupa = await bidAs('supplier.bupa@wcc.example', '150000', 'BUPA: population health review');
  assert.match(await bupa.locator('main').innerText(), /Is practice-level data in scope\?[\s\S]*Yes, all 38 practices/);
  assert.doesNotMatch(await bupa.locator('main').innerText(), /TRIBAL/);
  await bupa.context().close();
  await (await bidAs('supplier.mckinsey@wcc.example', '250000', 'McKinsey: strategic needs review')).context().close();
});

test('before the deadline nobody opens a bid: a rival gets "not found", the administrator and the PCT are refused', async () => {
  const bupa = await as('supplier.bupa@wcc.example');
  await bupa.goto(`${competitionUrl}/bids/SUP-TRIBAL`);
  await expectH1(bupa, 'Bid not found');
  assert.doesNotMatch(await bupa.locator('main').innerText(), /segmentation/);
  await bupa.context().close();
  for (const email of ['admin@wcc.example', 'commissioner@wcc.example', 'evaluator.one@wcc.example', 'supplier@wcc.example']) {
    const page = await as(email);
    await page.goto(`${competitionUrl}/bids/SUP-TRIBAL`);
    await expectH1(page, 'This bid cannot be opened', email);
    assert.match(await page.getByTestId('bid-refusal').innerText(), /sealed until the deadline/);
    await page.context().close();
  }
  const pct = await as('commissioner@wcc.example');
  await pct.goto(competitionUrl);
  await pct.getByRole('button', { name: 'Open the bids' }).click();
  await pct.locator('.nhsuk-error-summary').waitFor();
  assert.match(await pct.locator('.nhsuk-error-summary').innerText(), /sealed until the deadline/);
  await pct.context().close();
});

test('a bid attachment is sealed until the deadline: the administrator, the PCT and the bidder are refused, a rival gets "not found"', async () => {
  for (const [email, status] of [['admin@wcc.example', 403], ['commissioner@wcc.example', 403], ['supplier@wcc.example', 403], ['supplier.bupa@wcc.example', 404]] as const) {
    const page = await as(email);
    const res = await page.request.get(attachmentUrl);
    assert.equal(res.status(), status, email);
    assert.equal((await res.body()).includes(Buffer.from(ATTACHMENT)), false, email);
    await page.context().close();
  }
});

test('after the deadline the PCT opens the bids; the rival still cannot read another supplier’s bid', async () => {
  await database.db.query(`UPDATE procurement_competitions SET bid_deadline = now() - interval '1 second' WHERE id = $1`, [competitionId()]);
  const pct = await as('commissioner@wcc.example');
  await pct.goto(competitionUrl);
  await pct.getByRole('button', { name: 'Open the bids' }).click();
  await pct.getByRole('heading', { name: 'Evaluation' }).waitFor();
  assert.equal(await pct.getByRole('table', { name: 'Bids received' }).locator('tbody tr').count(), 3);
  await pct.getByRole('link', { name: 'Read the bid from SUP-TRIBAL' }).click();
  await expectH1(pct, 'Bid from SUP-TRIBAL');
  assert.equal(await pct.getByTestId('bid-response').innerText(), 'Tribal: segmentation and risk model');
  const link = pct.getByRole('table', { name: 'Attached documents' }).getByRole('link', { name: 'method-statement.pdf' });
  await link.waitFor();
  const opened = await pct.request.get(new URL((await link.getAttribute('href'))!, url).toString());
  assert.equal(opened.status(), 200);
  assert.ok((await opened.body()).includes(Buffer.from(ATTACHMENT)), 'the PCT reads the attachment after opening');
  await pct.context().close();
  const bupa = await as('supplier.bupa@wcc.example');
  await bupa.goto(`${competitionUrl}/bids/SUP-TRIBAL`);
  await expectH1(bupa, 'Bid not found');
  assert.equal((await bupa.request.get(attachmentUrl)).status(), 404, 'a rival still cannot download it');
  await bupa.context().close();
});

test('two evaluators declare interests and score independently', async () => {
  const marks: Record<string, [string, string]> = { 'SUP-TRIBAL': ['5', '5'], 'SUP-BUPA': ['3', '3'], 'SUP-MCKINSEY': ['4', '5'] };
  for (const email of ['evaluator.one@wcc.example', 'evaluator.two@wcc.example']) {
    const page = await as(email);
    await page.goto(competitionUrl);
    await page.getByRole('button', { name: 'Declare interests' }).click();
    await page.getByRole('heading', { name: 'Your scores' }).waitFor();
    assert.match(await page.locator('main').innerText(), /hidden until you submit yours/);
    for (const [s, [m, t]] of Object.entries(marks)) {
      await page.getByLabel(`Score for ${s}, Method`).selectOption(m);
      await page.getByLabel(`Score for ${s}, Team and experience`).selectOption(t);
    }
    await page.getByRole('button', { name: 'Submit my scores' }).click();
    await page.getByRole('table', { name: /Evaluators’ scores/ }).waitFor();
    await page.context().close();
  }
});

test('the PCT moderates, names the preferred bidder, waits out the standstill and awards the call-off contract', async () => {
  const pct = await as('commissioner@wcc.example');
  await pct.goto(competitionUrl);
  const agreed: Record<string, [string, string]> = { 'SUP-TRIBAL': ['5', '5'], 'SUP-BUPA': ['3', '3'], 'SUP-MCKINSEY': ['4', '5'] };
  for (const [s, [m, t]] of Object.entries(agreed)) {
    await pct.getByLabel(`Agreed score for ${s}, Method`).selectOption(m);
    await pct.getByLabel(`Rationale for ${s}, Method`).fill('Both evaluators agreed');
    await pct.getByLabel(`Agreed score for ${s}, Team and experience`).selectOption(t);
    await pct.getByLabel(`Rationale for ${s}, Team and experience`).fill('Both evaluators agreed');
  }
  await pct.getByRole('button', { name: 'Record moderated scores' }).click();
  const ranking = pct.getByRole('table', { name: /Ranking/ });
  await ranking.waitFor();
  assert.match(await ranking.locator('tbody tr').first().innerText(), /SUP-TRIBAL[\s\S]*92\.5/);
  await pct.getByRole('button', { name: 'Name the preferred bidder and start the standstill' }).click();
  await pct.getByText('10-day standstill period').waitFor();
  await pct.getByLabel('Contract start date (YYYY-MM-DD)').fill('2008-07-01');
  await pct.getByRole('button', { name: 'Award and sign the call-off contract' }).click();
  await pct.locator('.nhsuk-error-summary').filter({ hasText: 'standstill period runs until' }).waitFor();
  assert.match(await pct.locator('.nhsuk-error-summary').innerText(), /standstill period runs until/);
  await database.db.query(`UPDATE procurement_competitions SET standstill_ends_at = now() - interval '1 second' WHERE id = $1`, [competitionId()]);
  await pct.getByRole('button', { name: 'Award and sign the call-off contract' }).click();
  await pct.getByRole('link', { name: 'View the contract' }).click();
  await pct.waitForURL(/\/procurement\/contracts\//);
  await pct.getByRole('table', { name: 'KPI reports by period' }).waitFor();
  assert.match(await pct.locator('main').innerText(), /Tribal[\s\S]*£200,000[\s\S]*1 July 2008 to 30 June 2011/);
  await screenshot(pct, 'procurement-contract');
  await pct.context().close();
  const ocds = await (await fetch(`${url}/api/ocds/releases`)).json() as { releases: { tag: string[] }[] };
  assert.ok(ocds.releases.some((r) => r.tag.includes('contract')), 'the contract is published in OCDS');
});

test('a supplier uploads a framework document; NHS staff open it, a rival supplier gets "not found"', async () => {
  const tribal = await as('supplier@wcc.example');
  await tribal.goto(`${url}/procurement`);
  await tribal.getByRole('link', { name: 'Your framework documents (SUP-TRIBAL)' }).click();
  await expectH1(tribal, 'Tribal: framework documents');
  await tribal.getByRole('button', { name: 'Upload the document' }).click();
  await tribal.locator('.nhsuk-error-summary').waitFor();
  assert.match(await tribal.locator('.nhsuk-error-summary').innerText(), /Enter a title for the document[\s\S]*Choose a file to upload/);
  await tribal.getByLabel('Document title').fill('Quality accreditation ISO 9001');
  await tribal.locator('#file-upload').setInputFiles({ name: 'iso-9001.pdf', mimeType: 'application/pdf', buffer: pdf('Tribal ISO 9001 certificate') });
  await tribal.getByRole('button', { name: 'Upload the document' }).click();
  const link = tribal.getByRole('link', { name: 'Quality accreditation ISO 9001 (iso-9001.pdf)' });
  await link.waitFor();
  const href = new URL((await link.getAttribute('href'))!, url).toString();
  assert.equal((await tribal.request.get(href)).status(), 200);
  await tribal.context().close();

  const pct = await as('commissioner@wcc.example');
  await pct.goto(`${url}/procurement/suppliers/SUP-TRIBAL`);
  await expectH1(pct, 'Tribal: framework documents');
  const seen = await pct.request.get(href);
  assert.equal(seen.status(), 200);
  assert.ok((await seen.body()).includes(Buffer.from('Tribal ISO 9001 certificate')));
  await pct.context().close();

  const bupa = await as('supplier.bupa@wcc.example');
  await bupa.goto(`${url}/procurement/suppliers/SUP-TRIBAL`);
  await expectH1(bupa, 'Supplier file not found');
  assert.doesNotMatch(await bupa.locator('main').innerText(), /ISO 9001|insurance/i);
  const refused = await bupa.request.get(href);
  assert.equal(refused.status(), 404);
  assert.equal((await refused.body()).includes(Buffer.from('Tribal ISO 9001')), false);
  await bupa.context().close();
});

test('the national administrator adds a framework with its lots and admits suppliers; mistakes are shown in the error summary', async () => {
  const admin = await as('admin@wcc.example');
  await admin.goto(`${url}/procurement`);
  await admin.getByRole('button', { name: 'Add a framework' }).click();
  await expectH1(admin, 'Add a framework');
  await admin.getByLabel('Identifier').fill('CSU-2010');
  await admin.getByLabel('Title', { exact: true }).fill('Commissioning support 2010');
  await admin.getByLabel('Start date (YYYY-MM-DD)').fill('1 April 2010');
  await admin.getByLabel('End date (YYYY-MM-DD)').fill('2014-03-31');
  await admin.getByLabel('Maximum call-off length (months)').fill('36');
  await admin.getByLabel('Lot 1 code').fill('INF');
  await admin.getByLabel('Lot 1 service area').fill('Information and intelligence');
  await admin.getByLabel('Lot 1 competencies it helps with').fill('5, 6');
  await admin.getByRole('button', { name: 'Add another lot' }).click();
  await admin.getByLabel('Lot 2 code').fill('INF');
  await admin.getByLabel('Lot 2 service area').fill('Procurement support');
  await admin.getByRole('button', { name: 'Add the framework' }).click();
  const summary = admin.locator('.nhsuk-error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Enter the start date as YYYY-MM-DD/);
  assert.equal(await admin.locator('#fw-starts-error').count(), 1, 'the message is also beside the field');
  await admin.getByLabel('Start date (YYYY-MM-DD)').fill('2010-04-01');
  await admin.getByRole('button', { name: 'Add the framework' }).click();
  await summary.filter({ hasText: 'Lot code INF is used twice.' }).waitFor();
  await admin.getByLabel('Lot 2 code').fill('PROC');
  await admin.getByRole('button', { name: 'Add the framework' }).click();
  await admin.waitForURL(/\/procurement\/frameworks\/CSU-2010$/);
  await expectH1(admin, 'Commissioning support 2010');
  assert.match(await admin.locator('main').innerText(), /36 months[\s\S]*Excluded: suppliers give no direct patient care/);
  const serious = (await axeViolations(admin)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], 'framework page: serious accessibility violations');

  await admin.getByLabel('Lot', { exact: true }).selectOption('PROC');
  await admin.getByLabel('Supplier identifier').fill('SUP-NEWCO');
  await admin.getByRole('button', { name: 'Admit the supplier' }).click();
  await summary.filter({ hasText: 'Enter the name of the new supplier' }).waitFor();
  await admin.getByLabel('Name of a new supplier (only for a new identifier)').fill('NewCo Commissioning (fictional)');
  await admin.getByRole('button', { name: 'Admit the supplier' }).click();
  await admin.getByRole('status').filter({ hasText: 'SUP-NEWCO admitted to lot PROC.' }).waitFor();
  const lot = admin.getByRole('table', { name: 'Lot PROC: Procurement support' });
  await lot.getByRole('link', { name: 'NewCo Commissioning (fictional)' }).waitFor();
  await screenshot(admin, 'procurement-framework');
  await admin.context().close();
  const ocds = await (await fetch(`${url}/api/ocds/records`)).json() as { records: { ocid: string; compiledRelease: { parties: { name: string }[] } }[] };
  const record = ocds.records.find((r) => r.ocid.endsWith('CSU-2010'));
  assert.ok(record?.compiledRelease.parties.some((p) => p.name === 'NewCo Commissioning (fictional)'), 'the admitted supplier is published in OCDS');
});
