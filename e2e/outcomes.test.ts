// Browser test of health outcomes on synthetic indicator values: the area profile (charts, tables,
// peers, exports, axe), and choosing local outcomes from the PCT's draft to the SHA's approval.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { insertFixtureValues } from '../src/outcomes/testing/fixture.ts';
import { insertCycle } from '../src/outcomes/selection-repo.ts';
import { axeViolations, expectCount, expectText, screenshot, settled, signIn, startHarness, type Harness } from './browser.ts';

let h: Harness;

before(async () => {
  // Demo accounts only: the background demo data would compute real values over the fixture below.
  h = await startHarness({
    config: { loadDemo: true, loadDemoContent: false, loadDemoData: false },
    seed: async (db) => {
      await insertFixtureValues(db);
      await insertCycle(db, { year: '2008-09', baselinePeriod: '2007-08', trajectoryYears: 5, localOutcomes: 1, mandated: ['life-expectancy-male'] });
    },
  });
});

after(async () => {
  await h?.close();
});

async function newPage(): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what}: axe found serious or critical violations`);
}

test('the public profile of a PCT shows the spine chart, the table, peers and one indicator in depth, and exports', async () => {
  const page = await newPage();
  const started = Date.now();
  await page.goto(`${h.url}/areas/5C2?period=2008-09`);
  await page.getByRole('heading', { level: 1, name: /Barking & Dagenham PCT: health profile/ }).waitFor();
  const indicatorTable = page.getByRole('table', { name: /^Indicators for Barking/ });
  await indicatorTable.waitFor();
  console.log(`# profile usable after ${Date.now() - started} ms`);
  await expectText(page.getByTestId('profile-summary'), /worse, \d+ similar, \d+ better/);
  const spine = page.locator('figure[data-chart="spine"] img');
  await spine.waitFor();
  await page.waitForFunction(() => { const i = document.querySelector('figure[data-chart="spine"] img') as HTMLImageElement | null; return !!i && i.complete && i.naturalWidth > 0; });
  assert.match(await spine.getAttribute('alt') ?? '', /Spine chart of \d+ indicators/);
  await expectCount(indicatorTable.locator('tbody tr'), 9, 'one row per fixture indicator');

  await page.locator('#indicator').scrollIntoViewIfNeeded();
  // Lower charts load as they come near the viewport: scroll each placeholder into view until its figure is
  // there (the placeholder may be replaced, or the layout move, while scrolling, so scroll again while waiting).
  for (const kind of ['compare', 'funnel', 'trend', 'inequalities']) {
    const figure = page.locator(`figure[data-chart="${kind}"] img`);
    await settled(async () => {
      await page.evaluate((k) => document.querySelector(`[data-chart-placeholder="${k}"]`)?.scrollIntoView(), kind);
      await figure.waitFor({ timeout: 1_000 });
      return true;
    }, (there) => there, 60_000);
  }
  const download = page.waitForEvent('download');
  await page.locator('figure[data-chart="compare"]').getByRole('link', { name: 'data (CSV)' }).click();
  const csv = await (await download).path();
  assert.match(readFileSync(csv, 'utf8'), /^Area,Value,Lower 95% CI,Upper 95% CI/);
  await page.waitForFunction(() => [...document.querySelectorAll('figure img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
  await screenshot(page, 'outcomes-profile');
  await expectNoSeriousAxeViolations(page, 'profile');
  const png = await page.request.get(`${h.url}${await page.locator('figure[data-chart="funnel"]').getByRole('link', { name: 'image (PNG)' }).getAttribute('href')}`);
  assert.equal(png.headers()['content-type'], 'image/png');

  await page.getByLabel('Compare with').selectOption('peers');
  await page.getByRole('table', { name: /statistical peers of Barking/ }).waitFor();
  await expectCount(page.getByRole('table', { name: /statistical peers of Barking/ }).locator('tbody tr'), 11);
  await screenshot(page, 'outcomes-profile-peers');
});

test('the SHA heatmap renders', async () => {
  const page = await newPage();
  await page.goto(`${h.url}/areas/Q36?period=2008-09`);
  const img = page.locator('figure[data-chart="heatmap"] img');
  await img.waitFor();
  await page.waitForFunction(() => { const i = document.querySelector('figure[data-chart="heatmap"] img') as HTMLImageElement | null; return !!i && i.complete && i.naturalWidth > 0; });
  await screenshot(page, 'outcomes-heatmap-q36');
});

test('a PCT chooses outcomes and submits; its SHA returns, the PCT resubmits, the SHA approves and the trajectories lock', async () => {
  const page = await newPage();
  await signIn(page, h.url, 'commissioner@wcc.example');
  await page.getByTestId('acting-for').waitFor();
  await page.goto(`${h.url}/orgs/5C2/outcomes`);
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
  // The message and the new status appear together once the selection has reloaded.
  await expectText(page.locator('.nhsuk-tag').first(), /Submitted to SHA/);

  const sha = await newPage();
  await signIn(sha, h.url, 'sha.lead@wcc.example');
  await sha.getByTestId('acting-for').waitFor();
  await sha.goto(`${h.url}/orgs/5C2/outcomes`);
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
  await expectText(sha.locator('.nhsuk-tag').first(), /Approved \(locked\)/);
  await expectCount(sha.getByRole('table', { name: /Chosen outcomes and trajectories/ }).locator('tbody tr'), 2);
  await screenshot(sha, 'outcomes-approved');
  await expectNoSeriousAxeViolations(sha, 'approved outcomes');

  await page.reload();
  // Count the buttons only once the page shows the approved selection (while loading there are none anyway).
  await page.locator('.nhsuk-tag').filter({ hasText: 'Approved (locked)' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save draft' }).count(), 0, 'an approved selection cannot be edited');
  await page.goto(`${h.url}/orgs/5C2/outcomes/progress`);
  await page.getByRole('table', { name: /milestone/ }).waitFor();
  await expectCount(page.getByRole('table', { name: /milestone/ }).locator('tbody tr'), 2);
  await screenshot(page, 'outcomes-progress');
  await sha.goto(`${h.url}/outcomes/sha/Q36`);
  await sha.getByRole('table', { name: /Selections and progress/ }).waitFor();
  await screenshot(sha, 'outcomes-sha-dashboard');
});
