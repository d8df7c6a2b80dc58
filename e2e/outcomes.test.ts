// Browser test of health outcomes on synthetic indicator values: the area profile (charts, tables,
// peers, exports, axe), and choosing local outcomes from the PCT's draft to the SHA's approval.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/platform/server.ts';
import { startTestDatabase, type TestDatabase } from '../src/platform/testing/test-database.ts';
import { insertFixtureValues } from '../src/outcomes/testing/fixture.ts';
import { insertCycle } from '../src/outcomes/selection-repo.ts';
import { axeViolations, screenshot, signIn } from './browser.ts';

let database: TestDatabase, server: Awaited<ReturnType<typeof startServer>>, browser: Browser, dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wcc-e2e-outcomes-'));
  database = await startTestDatabase({ migrate: false });
  server = await startServer({
    ...loadConfig({ WCC_SHARED_DATA: process.env.WCC_SHARED_DATA ?? resolve(import.meta.dirname, '../../shared/data') }),
    // Demo accounts only: the background demo data would compute real values over the fixture below.
    databaseUrl: database.url, dataDir, port: 0, cookieSecure: true, loadDemo: true, loadDemoContent: false, loadDemoData: false, logLevel: 'silent',
  }, () => undefined);
  await insertFixtureValues(database.db);
  await insertCycle(database.db, { year: '2008-09', baselinePeriod: '2007-08', trajectoryYears: 5, localOutcomes: 1, mandated: ['life-expectancy-male'] });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what}: axe found serious or critical violations`);
}

test('the public profile of a PCT shows the spine chart, the table, peers and one indicator in depth, and exports', async () => {
  const page = await newPage();
  const started = Date.now();
  await page.goto(`${server.url}/areas/5C2?period=2008-09`);
  await page.getByRole('heading', { level: 1, name: /Barking & Dagenham PCT: health profile/ }).waitFor();
  const indicatorTable = page.getByRole('table', { name: /^Indicators for Barking/ });
  await indicatorTable.waitFor();
  console.log(`# profile usable after ${Date.now() - started} ms`);
  assert.match(await page.getByTestId('profile-summary').innerText(), /worse, \d+ similar, \d+ better/);
  const spine = page.locator('figure[data-chart="spine"] img');
  await spine.waitFor();
  await page.waitForFunction(() => { const i = document.querySelector('figure[data-chart="spine"] img') as HTMLImageElement | null; return !!i && i.complete && i.naturalWidth > 0; });
  assert.match(await spine.getAttribute('alt') ?? '', /Spine chart of \d+ indicators/);
  const rows = await indicatorTable.locator('tbody tr').count();
  assert.equal(rows, 9, 'one row per fixture indicator');

  await page.locator('#indicator').scrollIntoViewIfNeeded();
  // Lower charts load as they come near the viewport: scroll each placeholder into view until its figure is there.
  for (const kind of ['compare', 'funnel', 'trend', 'inequalities']) {
    const figure = page.locator(`figure[data-chart="${kind}"] img`);
    for (let i = 0; i < 50 && (await figure.count()) === 0; i++) {
      await page.evaluate((k) => document.querySelector(`[data-chart-placeholder="${k}"]`)?.scrollIntoView(), kind);
      await page.waitForTimeout(200);
    }
    await figure.waitFor();
  }
  const download = page.waitForEvent('download');
  await page.locator('figure[data-chart="compare"]').getByRole('link', { name: 'data (CSV)' }).click();
  const csv = await (await download).path();
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(csv, 'utf8'), /^Area,Value,Lower 95% CI,Upper 95% CI/);
  await page.waitForFunction(() => [...document.querySelectorAll('figure img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
  await screenshot(page, 'outcomes-profile');
  await expectNoSeriousAxeViolations(page, 'profile');
  const png = await page.request.get(`${server.url}${await page.locator('figure[data-chart="funnel"]').getByRole('link', { name: 'image (PNG)' }).getAttribute('href')}`);
  assert.equal(png.headers()['content-type'], 'image/png');

  await page.getByLabel('Compare with').selectOption('peers');
  await page.getByRole('table', { name: /statistical peers of Barking/ }).waitFor();
  assert.equal(await page.getByRole('table', { name: /statistical peers of Barking/ }).locator('tbody tr').count(), 11);
  await screenshot(page, 'outcomes-profile-peers');
});

test('the SHA heatmap renders', async () => {
  const page = await newPage();
  await page.goto(`${server.url}/areas/Q36?period=2008-09`);
  const img = page.locator('figure[data-chart="heatmap"] img');
  await img.waitFor();
  await page.waitForFunction(() => { const i = document.querySelector('figure[data-chart="heatmap"] img') as HTMLImageElement | null; return !!i && i.complete && i.naturalWidth > 0; });
  await screenshot(page, 'outcomes-heatmap-q36');
});

test('a PCT chooses outcomes and submits; its SHA returns, the PCT resubmits, the SHA approves and the trajectories lock', async () => {
  const page = await newPage();
  await signIn(page, server.url, 'commissioner@wcc.example');
  await page.getByTestId('acting-for').waitFor();
  await page.goto(`${server.url}/orgs/5C2/outcomes`);
  await page.getByRole('heading', { name: 'Local health outcomes and trajectories' }).waitFor();
  await page.locator('[data-outcome="life-expectancy-male"] table').waitFor();
  await page.getByLabel('Add a local outcome').selectOption('mortality-cvd-under-75');
  await page.getByRole('button', { name: 'Add outcome' }).click();
  await page.locator('[data-outcome="mortality-cvd-under-75"] table').waitFor();
  await page.locator('[data-outcome="mortality-cvd-under-75"]').getByLabel(/Constant percentage/).check();
  await page.locator('#life-expectancy-male-rationale').fill('Mandated: close the gap with England.');
  await page.locator('#mortality-cvd-under-75-rationale').fill('Our biggest cause of premature death.');
  await screenshot(page, 'outcomes-draft');
  await page.getByRole('button', { name: 'Submit to SHA' }).click();
  await page.getByText('Submitted to your SHA for approval.').waitFor();
  assert.match(await page.locator('.nhsuk-tag').first().innerText(), /Submitted to SHA/);

  const sha = await newPage();
  await signIn(sha, server.url, 'sha.lead@wcc.example');
  await sha.getByTestId('acting-for').waitFor();
  await sha.goto(`${server.url}/orgs/5C2/outcomes`);
  await sha.getByRole('button', { name: 'Return to PCT' }).click();
  await sha.locator('.nhsuk-error-summary').waitFor();
  await sha.getByLabel('Comment for the PCT').fill('Please stretch the CVD target further.');
  await sha.getByRole('button', { name: 'Return to PCT' }).click();
  await sha.getByText('Returned to the PCT.').waitFor();

  await page.reload();
  await page.getByText('Please stretch the CVD target further.').waitFor();
  await page.locator('[data-outcome="mortality-cvd-under-75"]').getByLabel(/Peers’ best decile|Best PCT nationally/).first().check();
  await page.getByRole('button', { name: 'Submit to SHA' }).click();
  await page.getByText('Submitted to your SHA for approval.').waitFor();

  await sha.reload();
  await sha.getByRole('button', { name: 'Approve and lock' }).click();
  await sha.getByText('Approved: the trajectories are locked for the year.').waitFor();
  assert.match(await sha.locator('.nhsuk-tag').first().innerText(), /Approved \(locked\)/);
  assert.equal(await sha.getByRole('table', { name: /Chosen outcomes and trajectories/ }).locator('tbody tr').count(), 2);
  await screenshot(sha, 'outcomes-approved');
  await expectNoSeriousAxeViolations(sha, 'approved outcomes');

  await page.reload();
  assert.equal(await page.getByRole('button', { name: 'Save draft' }).count(), 0, 'an approved selection cannot be edited');
  await page.goto(`${server.url}/orgs/5C2/outcomes/progress`);
  await page.getByRole('table', { name: /milestone/ }).waitFor();
  assert.equal(await page.getByRole('table', { name: /milestone/ }).locator('tbody tr').count(), 2);
  await screenshot(page, 'outcomes-progress');
  await sha.goto(`${server.url}/outcomes/sha/Q36`);
  await sha.getByRole('table', { name: /Selections and progress/ }).waitFor();
  await screenshot(sha, 'outcomes-sha-dashboard');
});
