// Browser test: a mini-competition from business case to award, as the PCT, three suppliers and two
// evaluators would run it; a supplier tries to read a rival's bid (before and after the deadline) and
// the national administrator and the PCT try to open sealed bids early. Time passing (the bid deadline,
// the 10-day standstill) is simulated by moving the stored dates into the past.
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
  assert.match(await pct.locator('.nhsuk-error-summary').innerText(), /sealed until the deadline/);
  await pct.context().close();
});

test('after the deadline the PCT opens the bids; the rival still cannot read another supplier’s bid', async () => {
  await database.db.query(`UPDATE procurement_competitions SET bid_deadline = now() - interval '1 second' WHERE id = $1`, [competitionId()]);
  const pct = await as('commissioner@wcc.example');
  await pct.goto(competitionUrl);
  await pct.getByRole('button', { name: 'Open the bids' }).click();
  await pct.getByRole('heading', { name: 'Evaluation' }).waitFor();
  assert.equal(await pct.getByRole('table', { name: 'Bids received' }).locator('tbody tr').count(), 3);
  await pct.getByRole('link', { name: 'Read the bid from SUP-TRIBAL' }).click();
  assert.equal(await pct.getByTestId('bid-response').innerText(), 'Tribal: segmentation and risk model');
  await pct.context().close();
  const bupa = await as('supplier.bupa@wcc.example');
  await bupa.goto(`${competitionUrl}/bids/SUP-TRIBAL`);
  await expectH1(bupa, 'Bid not found');
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
