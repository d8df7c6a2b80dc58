// Browser test of the data imports page: the national administrator uploads a slice of the real
// artificial HES A&E file and sees the job's progress and the rows imported; a corrupted copy shows
// the importer's row-level errors (file:row:column: reason) and writes nothing; the same copy with
// "skip invalid rows" imports the rest and offers the rejected rows; a PCT board member is refused
// by the page and the API. axe finds nothing serious on any of these pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, expectH1, screenshot, signIn, startHarness, type Harness } from './browser.ts';

const SHARED = process.env.WCC_SHARED_DATA ?? resolve(import.meta.dirname, '../../shared/data');
let h: Harness;
let dir: string;
let good: string, bad: string;

before(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'wcc-e2e-imports-'));
  const lines = readFileSync(join(SHARED, 'hes', 'artificial_hes_ae_0708_first1000.csv'), 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const slice = lines.slice(0, 51); // header and 50 attendances
  good = join(dir, 'hes_ae_0708_first50.csv');
  writeFileSync(good, slice.join('\n') + '\n');
  // The corrupted copy: an impossible arrival date on line 3 and an unknown sex code on line 5.
  const corrupt = [...slice];
  const set = (line: number, column: string, value: string) => {
    const cells = corrupt[line - 1]!.split(',');
    cells[header.indexOf(column)] = value;
    corrupt[line - 1] = cells.join(',');
  };
  set(3, 'ARRIVALDATE', '2007-13-45');
  set(5, 'SEX', '7');
  bad = join(dir, 'hes_ae_0708_corrupted.csv');
  writeFileSync(bad, corrupt.join('\n') + '\n');
});
after(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return context.newPage();
}
async function noSeriousViolations(page: Page, what: string) {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what}: axe found serious or critical violations`);
}
const menuLink = (page: Page) => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Data imports' });
async function openImports(page: Page, email: string) {
  await signIn(page, h.url, email);
  await page.waitForURL(`${h.url}/`);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Home' }).waitFor();
  if (await menuLink(page).count() > 0) {
    await menuLink(page).click();
    await page.waitForURL(`${h.url}/imports`);
  } else {
    await page.goto(`${h.url}/imports`);
  }
}
/** The provenance list as the API gives it to the signed-in user. */
const apiImports = (page: Page) => page.evaluate(async () => {
  const res = await fetch('/api/imports?limit=1000', { headers: { accept: 'application/json' } });
  return { status: res.status, body: await res.json() as { imports?: { fileName: string; rowsWritten: number }[] } };
});
async function choose(page: Page, kind: string, file: string, skipInvalid = false) {
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
  if (skipInvalid) await page.getByRole('checkbox', { name: 'Skip invalid rows and keep a reject file' }).check();
}
const pastImportRows = (page: Page) => page.getByRole('table', { name: 'Past imports, newest first' }).locator('tbody tr');

test('the national administrator uploads a HES A&E file, follows its progress and sees 50 rows imported', async () => {
  const page = await newPage();
  await openImports(page, 'admin@wcc.example');
  await expectH1(page, 'Data imports');
  assert.equal(await menuLink(page).count(), 1, 'the menu offers Data imports to those who may import');
  await page.getByRole('radio', { name: 'HES accident and emergency' }).waitFor();
  assert.match(await page.locator('#kind-3-item-hint').innerText(), /ARRIVALDATE/, 'the expected format is shown under the kind');
  await noSeriousViolations(page, 'the upload form');
  await screenshot(page, 'imports-form');
  // Options follow the kind: the column mapping only for indicator values, the IMD year only for IMD.
  await page.getByRole('radio', { name: 'Indicator values (aggregate)' }).check();
  await page.getByLabel('Column mapping').waitFor();
  assert.equal(await page.getByLabel('IMD year (optional)').count(), 0);
  await page.getByRole('radio', { name: 'Index of Multiple Deprivation' }).check();
  await page.getByLabel('IMD year (optional)').waitFor();
  assert.equal(await page.getByLabel('Column mapping').count(), 0);

  // Until the progress view has been checked, every progress answer says 45%, so it is seen as a
  // user would see it however fast the real job is; then the real answers flow.
  let isReleased = false;
  const release = () => { isReleased = true; };
  await page.route('**/api/jobs/*', async (route) => {
    if (isReleased) return route.continue();
    const id = route.request().url().split('/').pop();
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ id, status: 'running', progressDone: 45, progressTotal: 100, message: 'validating', result: null, error: null }) });
  });
  await choose(page, 'HES accident and emergency', good);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const bar = page.getByRole('progressbar', { name: 'Importing hes_ae_0708_first50.csv' });
  await page.getByText('Checking every row (45%)').waitFor();
  assert.equal(await bar.getAttribute('value'), '45');
  assert.equal(await page.locator('[aria-live="polite"]').filter({ hasText: 'Checking every row' }).count(), 1, 'the phase is announced');
  await noSeriousViolations(page, 'the progress view');
  await screenshot(page, 'imports-progress');
  release();

  const banner = page.getByRole('heading', { name: '50 rows imported from hes_ae_0708_first50.csv' });
  await banner.waitFor({ timeout: 30_000 });
  await screenshot(page, 'imports-done');
  const row = pastImportRows(page).filter({ hasText: 'hes_ae_0708_first50.csv' });
  await row.waitFor();
  assert.match(await row.innerText(), /HES accident and emergency/);
  assert.match(await row.innerText(), /Nadia Shah/);
  assert.match(await row.innerText(), /\b50\b/);
  const { body } = await apiImports(page);
  assert.equal(body.imports?.find((r) => r.fileName === 'hes_ae_0708_first50.csv')?.rowsWritten, 50);
  await noSeriousViolations(page, 'the result');
});

test('a corrupted copy shows each bad cell as file:row:column: reason and nothing is written', async () => {
  const page = await newPage();
  await openImports(page, 'admin@wcc.example');
  await expectH1(page, 'Data imports');
  await pastImportRows(page).first().waitFor();
  const before = await apiImports(page);
  const rowsBefore = await pastImportRows(page).count();
  assert.equal(rowsBefore, before.body.imports?.length);

  await choose(page, 'HES accident and emergency', bad);
  const relisted = page.waitForResponse((r) => r.url().includes('/api/imports?') && r.request().method() === 'GET');
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await summary.filter({ hasText: 'hes_ae_0708_corrupted.csv was not imported' }).waitFor({ timeout: 30_000 });
  const text = await summary.innerText();
  assert.match(text, /2 errors in 2 rows of 50\. Nothing was written\./);
  const items = await summary.locator('li').allInnerTexts();
  assert.deepEqual(items, [
    'hes_ae_0708_corrupted.csv:3:ARRIVALDATE: not a date (YYYY-MM-DD): 2007-13-45',
    'hes_ae_0708_corrupted.csv:5:SEX: sex must be 0, 1, 2, 9, M or F: 7',
  ], 'row-level errors exactly as the importer reports them');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary')), true, 'the error summary takes focus');
  await screenshot(page, 'imports-invalid');

  await relisted;
  await pastImportRows(page).first().waitFor();
  assert.equal(await pastImportRows(page).count(), rowsBefore, 'the provenance list is unchanged');
  const afterList = await apiImports(page);
  assert.deepEqual(afterList.body, before.body);
  await noSeriousViolations(page, 'the row errors');
});

test('with "skip invalid rows" the valid rows are imported and the rejected rows can be downloaded', async () => {
  const page = await newPage();
  await openImports(page, 'admin@wcc.example');
  await expectH1(page, 'Data imports');
  await choose(page, 'HES accident and emergency', bad, true);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await page.getByRole('heading', { name: '48 rows imported from hes_ae_0708_corrupted.csv' }).waitFor({ timeout: 30_000 });
  const link = page.getByRole('link', { name: 'download the rejected rows as CSV for hes_ae_0708_corrupted.csv' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'hes_ae_0708_corrupted.rejects.csv');
  const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  assert.equal(csv.length, 3, 'a header and the two rejected lines');
  assert.match(csv[0]!, /_errors/);
  assert.match(csv.join('\n'), /2007-13-45/);
  const row = pastImportRows(page).filter({ hasText: 'hes_ae_0708_corrupted.csv' });
  await row.waitFor();
  assert.match(await row.innerText(), /\b48\b/);
  assert.match(await row.innerText(), /\b2 download/);
  await noSeriousViolations(page, 'the result with rejects');
});

test('a PCT board member is refused: the page says so and the API answers 403', async () => {
  const page = await newPage();
  await openImports(page, 'board@wcc.example');
  await expectH1(page, 'You are not allowed to see this page');
  assert.equal(await menuLink(page).count(), 0, 'no Data imports in the menu without the permission');
  assert.equal(await page.getByRole('button', { name: 'Upload and import' }).count(), 0);
  assert.equal((await apiImports(page)).status, 403);
  const post = await page.evaluate(async () => {
    const session = await (await fetch('/api/session')).json() as { csrfToken: string };
    const form = new FormData();
    form.append('kind', 'hes-ae');
    form.append('file', new Blob(['FYEAR\n0708\n'], { type: 'text/csv' }), 'sneaky.csv');
    const res = await fetch('/api/imports', { method: 'POST', body: form, headers: { 'x-csrf-token': session.csrfToken } });
    return { status: res.status, detail: (await res.json() as { detail: string }).detail };
  });
  assert.deepEqual(post, { status: 403, detail: 'Your roles do not allow this.' });
  await noSeriousViolations(page, 'the refusal');
  await screenshot(page, 'imports-refused');
});

test('a PCT analyst imports for their own PCT, and the import is listed for that PCT', async () => {
  const page = await newPage();
  await openImports(page, 'analyst@wcc.example');
  await expectH1(page, 'Data imports');
  const importFor = page.getByLabel('Import for');
  await importFor.waitFor();
  assert.deepEqual(await importFor.locator('option').allInnerTexts(), ['Barking & Dagenham PCT (5C2)']);
  const births = join(dir, 'births_5c2_2009.csv');
  writeFileSync(births, 'year,lsoa01,pct_code,sex,births\n2009,E01000027,5C2,M,12\n2009,E01000028,5C2,F,9\n');
  await choose(page, 'Births by area', births);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await page.getByRole('heading', { name: '2 rows imported from births_5c2_2009.csv' }).waitFor({ timeout: 30_000 });
  const row = pastImportRows(page).filter({ hasText: 'births_5c2_2009.csv' });
  await row.waitFor();
  assert.match(await row.innerText(), /for 5C2/);
  assert.match(await row.innerText(), /Ann Lewis/);
  await noSeriousViolations(page, 'the analyst\'s result');
});

test('mistakes are named: nothing chosen, and an IMD file whose year cannot be told', async () => {
  const page = await newPage();
  await openImports(page, 'admin@wcc.example');
  await expectH1(page, 'Data imports');
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await summary.waitFor();
  assert.deepEqual(await summary.locator('li').allInnerTexts(), ['Choose what the file holds', 'Choose a file to import']);
  await summary.getByRole('link', { name: 'Choose a file to import' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'file', 'the error links to its field');

  const imd = join(dir, 'deprivation.csv');
  writeFileSync(imd, 'lsoa01_code,IMD_rank,IMD_decile\nE01000001,100,1\n');
  await choose(page, 'Index of Multiple Deprivation', imd);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const failed = page.locator('.nhsuk-error-summary').filter({ hasText: 'deprivation.csv was not imported' });
  await failed.waitFor({ timeout: 30_000 });
  assert.match(await failed.innerText(), /Nothing was written\./);
  assert.match(await failed.innerText(), /cannot tell the IMD year from "deprivation.csv"/);
  await noSeriousViolations(page, 'a failed import');
});
