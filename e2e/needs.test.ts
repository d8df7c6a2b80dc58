// Browser test of knowing the population on a synthetic England (20,000 people, 2006–2009) with a
// model trained and everyone scored: the population page (pyramid, Lorenz curve, opportunity), the
// model page (calibration plot, fairness table), the case-finding list with filters and an audited
// export for a PCT commissioner, and its refusal to a board member; axe on each page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/platform/server.ts';
import { startTestDatabase, type TestDatabase } from '../src/platform/testing/test-database.ts';
import { syntheticWarehouse } from '../src/needs/testing/synthetic-warehouse.ts';
import { scoreAndStore, trainAndStore } from '../src/needs/index.ts';
import { axeViolations, screenshot, signIn } from './browser.ts';

let database: TestDatabase, server: Awaited<ReturnType<typeof startServer>>, browser: Browser;

before(async () => {
  const w = await syntheticWarehouse(20_000, [2006, 2009], 7);
  database = await startTestDatabase({ migrate: false });
  // Demo accounts, but not the 500,000-person demo data: the warehouse is the synthetic one above.
  const noDemoData = { loadDemoData: false };
  server = await startServer({
    ...loadConfig({ WCC_SHARED_DATA: process.env.WCC_SHARED_DATA ?? resolve(import.meta.dirname, '../../shared/data') }),
    databaseUrl: database.url, dataDir: w.dataDir, port: 0, cookieSecure: true, loadDemo: true, logLevel: 'silent', ...noDemoData,
  }, () => undefined);
  await trainAndStore({ db: database.db, dataDir: w.dataDir }, { createdBy: 'e2e' });
  await scoreAndStore({ db: database.db, dataDir: w.dataDir }, { createdBy: 'e2e' });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await database?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

async function signedIn(page: Page, email: string): Promise<void> {
  await signIn(page, server.url, email);
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.getByRole('link', { name: 'Population' }).first().waitFor();
}

const imageLoaded = (page: Page, chart: string) => page.locator(`[data-chart="${chart}"] img`).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100);

test('a PCT commissioner sees their population: segments, cost concentration and opportunity', async () => {
  const page = await newPage();
  await signedIn(page, 'commissioner@wcc.example');
  await page.getByRole('link', { name: 'Population' }).first().click();
  await page.waitForURL(/\/needs\/areas\/5C2$/);
  await page.getByRole('heading', { level: 1, name: /Knowing the population: 5C2/ }).waitFor();
  assert.ok(await page.getByRole('table', { name: /People, emergency admissions and cost by segment/ }).isVisible());
  assert.ok(await page.getByText(/The costliest 1% of people used \d/).isVisible());
  assert.ok(await page.getByRole('table', { name: /Opportunity, 2009-10/ }).isVisible());
  const peers = page.getByText(/^Statistical peers, nearest first: /);
  await peers.waitFor();
  const codes = (await peers.textContent())!.replace(/^Statistical peers, nearest first: /, '').replace(/\.$/, '').split(', ');
  assert.equal(codes.length, 10);
  assert.ok(codes.every((c) => /^[0-9A-Z]{3}$/.test(c) && c !== '5C2'), codes.join(' '));
  const noContact = page.getByRole('definition').filter({ hasText: /scored from age, sex and deprivation/ });
  await noContact.waitFor();
  assert.match((await noContact.textContent())!, /^\s*[1-9][\d,]*: scored/);
  await page.waitForLoadState('networkidle');
  assert.ok(await imageLoaded(page, 'lorenz'), 'Lorenz curve rendered');
  assert.ok(await imageLoaded(page, 'pyramid'), 'pyramid rendered');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'needs-population-5C2');
});

test('the model page shows performance beside the baseline, the calibration plot and the fairness table', async () => {
  const page = await newPage();
  await signedIn(page, 'board@wcc.example');
  await page.goto(`${server.url}/needs/model`);
  await page.getByRole('heading', { level: 1, name: /model v1/ }).waitFor();
  assert.ok(await page.getByText('Baseline AUROC (prior-year emergency admissions)').isVisible());
  const fairness = page.getByRole('table', { name: /Performance by sex, age band and deprivation quintile/ });
  assert.ok((await fairness.getByRole('row').count()) > 10);
  await page.waitForLoadState('networkidle');
  assert.ok(await imageLoaded(page, 'calibration'));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'needs-model');
});

test('case finding: filter by tier, export with audit; a board member is refused', async () => {
  const page = await newPage();
  await signedIn(page, 'commissioner@wcc.example');
  await page.goto(`${server.url}/needs/areas/5C2/patients`);
  await page.getByRole('heading', { level: 1, name: 'Case finding: 5C2' }).waitFor();
  await page.getByLabel('Risk tier').selectOption('low');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByRole('table').getByText('Low (remaining 80%)').first().waitFor();
  const firstPseudonym = await page.getByRole('table').locator('code').first().textContent();
  assert.match(firstPseudonym ?? '', /^[0-9A-F]{16}$/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'needs-case-finding');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Export this list/ }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  assert.match(csv[0]!, /^pseudonym,risk,tier/);
  assert.ok(csv.slice(1).every((l) => l.split(',')[2] === 'low'));
  const { rows } = await database.db.query(`SELECT action FROM audit_log WHERE actor_email = 'commissioner@wcc.example' AND action LIKE 'risk.patients.%' ORDER BY id`);
  assert.ok(rows.some((r) => r.action === 'risk.patients.view'));
  assert.equal(rows.filter((r) => r.action === 'risk.patients.export').length, 1);

  const board = await newPage();
  await signedIn(board, 'board@wcc.example');
  await board.goto(`${server.url}/needs/areas/5C2/patients`);
  await board.getByText(/do not allow|not allowed|permission/i).first().waitFor();
  assert.equal(await board.locator('code').count(), 0);
});
