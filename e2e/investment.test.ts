// Browser test of a full prioritisation round as a PCT would run it: the commissioner opens a round,
// enters options, agrees criteria and swing weights, opens scoring; the analyst and the commissioner
// score independently (others' scores hidden until each submits); the commissioner records agreed
// scores, optimises, runs the Monte Carlo, saves the five-year plan and opens the board paper and its
// PDF. The pages pass axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, expectText, screenshot, signIn, startHarness, waitForImage, type Harness } from './browser.ts';

let h: Harness;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

async function newPage(): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}
async function noSeriousViolations(page: Page, what: string) {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what}: axe found serious or critical violations`);
}

async function addOption(page: Page, roundUrl: string, o: { code: string; title: string; cost: string; q: [string, string, string]; requires?: string }) {
  await page.goto(`${roundUrl}/options/new`);
  await page.getByLabel('Code', { exact: true }).fill(o.code);
  await page.getByLabel('Title', { exact: true }).fill(o.title);
  for (let y = 0; y < 5; y++) await page.locator(`#rec-${y}`).fill(o.cost);
  await page.getByLabel('QALYs gained: low').fill(o.q[0]);
  await page.getByLabel('QALYs gained: likely').fill(o.q[1]);
  await page.getByLabel('QALYs gained: high').fill(o.q[2]);
  if (o.requires) await page.getByLabel('Requires (option codes, comma separated)').fill(o.requires);
  await page.getByLabel('Outcome indicator it should move').fill('mortality-cvd-under-75');
  for (let y = 0; y < 5; y++) await page.locator(`#traj-${y}`).fill('-1');
  await page.getByRole('button', { name: 'Save option' }).click();
  await page.waitForURL(roundUrl);
  await page.getByRole('cell', { name: new RegExp(o.code) }).first().waitFor();
}

test('a full round from options to board paper', async () => {
  const page = await newPage();
  await signIn(page, h.url, 'commissioner@wcc.example');
  await page.waitForURL(`${h.url}/`);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Investment' }).click();
  await page.locator('main h1').filter({ hasText: 'Investment and financial planning' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Cardiovascular round 2009-10');
  for (let y = 0; y < 5; y++) await page.getByLabel(`Budget for new investment, year ${y + 1} (£)`).fill('500,000');
  await page.getByRole('button', { name: 'Open round' }).click();
  await page.waitForURL(/\/investment\/rounds\/\d+$/);
  const roundUrl = page.url();

  await addOption(page, roundUrl, { code: 'CARDREHAB', title: 'Cardiac rehabilitation', cost: '300000', q: ['40', '60', '80'] });
  await addOption(page, roundUrl, { code: 'HFNURSE', title: 'Heart failure nurses', cost: '250000', q: ['20', '35', '50'] });
  await addOption(page, roundUrl, { code: 'HOMEHF', title: 'Home monitoring for heart failure', cost: '250000', q: ['20', '33', '45'], requires: 'HFNURSE' });

  await page.goto(`${roundUrl}/criteria`);
  await page.locator('#criterion-code-0').fill('health-gain');
  await page.locator('#criterion-name-0').fill('Health gain');
  await page.locator('#criterion-points-0').fill('100');
  await page.getByRole('button', { name: 'Add another criterion' }).click();
  await page.locator('#criterion-code-1').fill('inequalities');
  await page.locator('#criterion-name-1').fill('Reducing inequalities');
  await page.locator('#criterion-points-1').fill('60');
  await page.getByRole('button', { name: 'Save criteria' }).click();
  await page.waitForURL(roundUrl);
  await page.getByText('Health gain 63%').waitFor();
  await page.getByRole('button', { name: 'Start panel scoring' }).click();
  await page.getByRole('button', { name: 'Close scoring (scores agreed)' }).waitFor();
  await noSeriousViolations(page, 'round page');
  await screenshot(page, 'investment-round');

  // The analyst scores first and submits.
  const analyst = await newPage();
  await signIn(analyst, h.url, 'analyst@wcc.example');
  await analyst.waitForURL(`${h.url}/`);
  await analyst.goto(`${roundUrl}/panel`);
  await analyst.locator('main h1').filter({ hasText: 'Panel scoring' }).waitFor();
  const firstCell = analyst.locator('input[id^="mine-"]').first();
  await firstCell.fill('9');
  await analyst.getByRole('button', { name: 'Submit my scores' }).click();
  await analyst.getByText('You have submitted your scores.').waitFor();

  // The commissioner cannot see the analyst's score before submitting.
  await page.goto(`${roundUrl}/panel`);
  await page.getByText(/Hidden until you submit your own scores\. 1 member/).waitFor();
  await page.locator('input[id^="mine-"]').first().fill('7');
  await page.getByRole('button', { name: 'Submit my scores' }).click();
  await page.getByRole('table', { name: 'Scores by member' }).waitFor();
  await expectText(page.getByRole('table', { name: 'Scores by member' }), /Ann Lewis[\s\S]*9/);
  const agreedInputs = page.locator('input[id^="agreed-"]');
  for (let i = 0; i < await agreedInputs.count(); i++) await agreedInputs.nth(i).fill(String(5 + (i % 4)));
  await page.locator('input[id^="rationale-"]').first().fill('Strong NICE evidence; agreed after discussion');
  // The server's answer, then the confirmation the page shows for it.
  const agreed = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/panel/agreed'));
  await page.getByRole('button', { name: 'Record agreed scores' }).click();
  assert.equal((await agreed).status(), 200, 'the agreed scores are recorded');
  await page.getByText('The agreed scores and rationale are recorded.').waitFor();
  await page.waitForFunction(() => (document.querySelector('input[id^="rationale-"]') as HTMLInputElement | null)?.value.startsWith('Strong'));
  await noSeriousViolations(page, 'panel page');

  // Optimise: £500k a year buys CARDREHAB + nothing else (550k) or HFNURSE + HOMEHF (500k, 68 QALYs > 60).
  await page.goto(roundUrl);
  await page.getByRole('button', { name: 'Find the optimal portfolio' }).click();
  await expectText(page.getByTestId('optimal-set'), /HFNURSE, HOMEHF/);
  await page.getByRole('button', { name: 'Run 1,000 Monte Carlo draws' }).click();
  await page.getByText(/Monte Carlo: 1,000 draws/).waitFor();

  await page.goto(`${roundUrl}/plan`);
  await page.locator('main h1').filter({ hasText: 'Five-year financial plan' }).waitFor();
  await page.getByLabel('Recurring allocation in 2009-10 (£)').fill('250000000');
  await page.getByLabel(/Baseline spend in 2009-10/).fill('245000000');
  await page.getByLabel('Contingency (% of allocation)').fill('0.5');
  await page.getByRole('button', { name: 'Save and calculate' }).click();
  await page.getByText('Financial risk rating:').waitFor();
  // Year 1 by hand: 250m − (245m + 0.5m investment + 1.25m contingency) = £3.25m surplus.
  await expectText(page.getByRole('table', { name: 'Central scenario' }), /Surplus or deficit\s+£3\.25m/);
  await screenshot(page, 'investment-plan');

  await page.goto(`${roundUrl}/board-paper`);
  await expectText(page.getByTestId('paper-chosen'), 'HFNURSE, HOMEHF');
  await expectText(page.getByRole('table', { name: 'Expected effect on our chosen outcomes' }), /mortality-cvd-under-75[\s\S]*-2\.00[\s\S]*HFNURSE, HOMEHF/);
  // The chart is an SVG rendered on the server: wait for it to finish loading (or fail) before checking it.
  await waitForImage(page.getByRole('img', { name: /cost per QALY/ }));
  assert.ok(await page.getByRole('img', { name: /cost per QALY/ }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the chart SVG loads');
  await noSeriousViolations(page, 'board paper page');
  await screenshot(page, 'investment-board-paper');
  const pdf = await page.request.get(`${roundUrl.replace('/investment/rounds/', '/api/investment/rounds/')}/board-paper.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  await page.context().close();
  await analyst.context().close();
});

test('an analyst imports programme spend: a bad row is named and nothing is written; a good file shows in the programme budget', async () => {
  const page = await newPage();
  await signIn(page, h.url, 'analyst@wcc.example');
  await page.waitForURL(`${h.url}/`);
  await page.goto(`${h.url}/investment/programme-budget`);
  await page.locator('main h1').filter({ hasText: 'Programme budget' }).waitFor();
  const upload = (csv: string) => page.setInputFiles('#import-file', { name: 'spend.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await upload('org_code,year,programme,spend_gbp\n5C2,2008-09,10,"£24,000,000"\n5C2,2008-09,99,5\n');
  await page.getByRole('button', { name: 'Import' }).click();
  await expectText(page.locator('.nhsuk-error-summary'), /line 3\/programme: no programme budgeting category "99"/);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('.nhsuk-error-summary').filter({ hasText: /no programme spend for 5C2/ }).waitFor();

  await upload('org_code,year,programme,spend_gbp\n5C2,2008-09,10,"£24,000,000"\n5C2,2008-09,2,18500000\n');
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByText('Imported 2 rows for 5C2.').waitFor();
  await page.getByRole('button', { name: 'Show' }).click();
  const table = page.getByRole('table', { name: /5C2 programme budget 2008-09: £42,500,000/ });
  await expectText(table, /10 Problems of circulation\s+£24,000,000/);
  await noSeriousViolations(page, 'programme budget page');
  await page.context().close();
});
