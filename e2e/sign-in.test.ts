// Browser test: a PCT commissioner signs in, sees who they are and whom they act for, browses to
// their PCT and on to its SHA (London, 31 PCTs on 1 April 2009); a wrong password gets the error
// summary; the users page is neither offered nor allowed; the main pages pass axe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, expectCount, expectH1, expectText, expectTitle, screenshot, settled, signIn, startHarness, type Harness } from './browser.ts';

let h: Harness;

before(async () => {
  h = await startHarness();
});

after(async () => {
  await h?.close();
});

async function newPage(): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${what}: axe found serious or critical violations`);
}

test('a wrong password shows the error summary with the reason, focused, and keeps the user signed out', async () => {
  const page = await newPage();
  await signIn(page, h.url, 'commissioner@wcc.example', 'not-the-password');
  await expectText(page.locator('.nhsuk-error-summary'), /There is a problem[\s\S]*email address or password is not right/);
  // The summary takes focus in an effect after it renders.
  const focused = () => page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary') ?? false);
  assert.equal(await settled(focused, (f) => f), true);
  await expectTitle(page, /^Error: Sign in – wcc$/);
  const password = page.getByLabel('Password', { exact: true });
  assert.equal(await settled(() => password.inputValue(), (v) => v === ''), '', 'the password field is cleared');
  await screenshot(page, 'sign-in-error');

  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Enter your password').first().waitFor();
  const passwordError = async () => (await page.locator('#password-error').textContent({ timeout: 2_000 })) ?? '';
  const enterPassword = /^\s*Error:\s*Enter your password\s*$/;
  assert.match(await settled(passwordError, (t) => enterPassword.test(t)), enterPassword);
  await page.context().close();
});

test('a PCT commissioner signs in, sees name and organisation, and browses to the PCT and its SHA', async () => {
  const page = await newPage();
  await page.goto(`${h.url}/account`);
  await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
  await expectH1(page, 'Sign in');
  await expectNoSeriousAxeViolations(page, 'sign-in page');
  await screenshot(page, 'sign-in');

  await page.getByLabel('Email address').fill('commissioner@wcc.example');
  await page.getByLabel('Password', { exact: true }).fill('world-class-2008');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${h.url}/account`);
  await expectH1(page, 'Your account');

  await expectText(page.locator('header.nhsuk-header'), /Chris Morgan/);
  await expectText(page.getByTestId('acting-for'), /Barking/);
  await expectText(page.getByTestId('acting-for'), /\(5C2\)/);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Home' }).click();
  await page.waitForURL(`${h.url}/`);
  await page.waitForFunction(() => document.title === 'Home – wcc');
  // Focus moves to the new page's heading once its content has loaded.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 30_000 });
  await page.getByRole('link', { name: /London/ }).waitFor();
  await expectNoSeriousAxeViolations(page, 'home page');
  await screenshot(page, 'home');

  await page.locator('main').getByRole('link', { name: /Barking/ }).first().click();
  await page.waitForURL(`${h.url}/orgs/5C2`);
  await page.locator('main h1').filter({ hasText: /Barking/ }).waitFor();
  await expectTitle(page, /\(5C2\) – wcc$/);
  await expectText(page.locator('.nhsuk-breadcrumb__list'), /England[\s\S]*London/);
  await expectNoSeriousAxeViolations(page, 'PCT page');
  await screenshot(page, 'pct');

  await page.locator('.nhsuk-breadcrumb__list').getByRole('link', { name: /London/ }).click();
  await page.waitForURL(`${h.url}/orgs/Q36`);
  await page.locator('main h1').filter({ hasText: /London/ }).waitFor();
  await expectText(page.locator('.nhsuk-caption-l'), /Q36/);
  await expectText(page.locator('main table caption'), /^31 PCTs in .*London.* on 1 April 2009$/);
  await expectCount(page.locator('main table tbody tr'), 31);
  await expectCount(page.locator('main table tbody').getByRole('rowheader', { name: /5C2/ }), 1);
  await expectNoSeriousAxeViolations(page, 'SHA page');
  await screenshot(page, 'sha');
  await page.context().close();
});

test('the organisation browser shows 10 SHAs and 152 PCTs for 2009 and the Hertfordshire merger after April 2010', async () => {
  const page = await newPage();
  await page.goto(`${h.url}/orgs`);
  await page.locator('main table caption').waitFor();
  await expectText(page.locator('main'), /10 SHAs and 152 PCTs on 1 April 2009/);
  await expectCount(page.locator('main table tbody tr'), 10);
  await expectNoSeriousAxeViolations(page, 'organisation browser');
  await screenshot(page, 'orgs');

  await page.getByLabel('Year').fill('2010');
  await page.getByRole('button', { name: 'Show organisations' }).click();
  await page.waitForURL(/asOf=2010-04-01/);
  await page.getByText('10 SHAs and 151 PCTs on 1 April 2010').waitFor();

  await page.goto(`${h.url}/orgs/5P3?asOf=2010-04-01`);
  await expectText(page.locator('.nhsuk-card--warning'), /did not exist on 1 April 2010[\s\S]*replaced by .*\(5QV\)/);
  await screenshot(page, 'merged-pct');
  await page.context().close();
});

test('a PCT user is not offered the users page, and visiting it shows "not allowed"', async () => {
  const page = await newPage();
  await signIn(page, h.url, 'commissioner@wcc.example');
  await page.waitForURL(`${h.url}/`);
  // The URL changes before the menu renders for the signed-in user: wait for the signed-in header first.
  await page.getByTestId('acting-for').waitFor();
  const nav = page.getByRole('navigation', { name: 'Menu' });
  const items = await settled(() => nav.getByRole('link').allInnerTexts(), (links) => links.includes('Audit trail'));
  assert.ok(items.includes('Organisations') && items.includes('Audit trail'), `navigation: ${items.join(', ')}`);
  assert.ok(!items.includes('Users'), 'no Users link for a PCT commissioner');

  const refused = page.waitForResponse((r) => r.url().endsWith('/api/users'));
  await page.goto(`${h.url}/users`);
  assert.equal((await refused).status(), 403);
  await page.locator('main h1').filter({ hasText: 'You are not allowed to see this page' }).waitFor();
  await expectTitle(page, 'Not allowed – wcc');
  await screenshot(page, 'not-allowed');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${h.url}/sign-in`);
  await page.getByText('You have signed out.').waitFor();
  // The header drops who you act for once the session is cleared (it may lag the banner by a render).
  await page.getByTestId('acting-for').waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await page.getByTestId('acting-for').count(), 0);
  await page.context().close();
});
