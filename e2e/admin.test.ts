// Browser test: a national administrator adds a user who holds roles for two PCTs; that user signs in,
// switches the organisation they act for, and the choice survives a reload of the tab.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectText, screenshot, signIn, startHarness, type Harness } from './browser.ts';

let h: Harness;

before(async () => {
  h = await startHarness();
});

after(async () => {
  await h?.close();
});

test('an administrator adds a two-PCT user, who can switch the organisation they act for', async () => {
  const admin = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(admin, h.url, 'admin@wcc.example');
  await admin.waitForURL(`${h.url}/`);
  await admin.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Users' }).click();
  await admin.locator('main table caption').filter({ hasText: /users$/ }).waitFor();
  await admin.getByRole('button', { name: 'Add a user' }).click();
  await admin.waitForURL(`${h.url}/users/new`);

  await admin.getByLabel('Full name').fill('Dana Reid (two PCTs)');
  await admin.getByLabel('Email address').fill('dana@wcc.example');
  await admin.getByLabel('First password').fill('short');
  await admin.locator('#org-code-0').fill('5C2');
  await admin.getByRole('button', { name: 'Add user' }).click();
  await expectText(admin.locator('.nhsuk-error-summary'), /at least 12 characters/);
  await screenshot(admin, 'add-user-error');

  await admin.getByLabel('First password').fill('a-long-enough-password');
  await admin.getByRole('button', { name: 'Add another role' }).click();
  await admin.locator('#role-1').selectOption('pct_analyst');
  await admin.locator('#org-code-1').fill('5nd');
  await admin.getByRole('button', { name: 'Add user' }).click();
  await admin.waitForURL(`${h.url}/users`);
  await admin.getByText('dana@wcc.example can now sign in.').waitFor();
  const row = admin.locator('main tbody tr').filter({ hasText: 'dana@wcc.example' });
  await expectText(row, /PCT commissioner – 5C2/);
  await expectText(row, /PCT analyst – 5ND/);
  await screenshot(admin, 'users');

  await admin.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit trail' }).click();
  await admin.getByLabel('Object').fill('user');
  // Right after the URL changes the table still shows the unfiltered entries, then it reloads: wait for the
  // filtered answer, so the details opened below belong to the table that stays.
  const filtered = admin.waitForResponse((r) => r.url().includes('/api/audit?') && r.url().includes('object=user'));
  await admin.getByRole('button', { name: 'Filter entries' }).click();
  await admin.waitForURL(/\/audit\?object=user$/);
  assert.equal((await filtered).status(), 200);
  const newest = admin.locator('main tbody tr').first();
  await expectText(newest, /admin@wcc\.example[\s\S]*user\.create/);
  await newest.getByText('Before and after').click();
  await expectText(newest, /dana@wcc\.example/);
  await screenshot(admin, 'audit');

  const page = await (await h.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, h.url, 'dana@wcc.example', 'a-long-enough-password');
  await page.waitForURL(`${h.url}/`);
  // The first organisation is the default; switch to the other one.
  const first = await page.getByTestId('acting-for').innerText();
  assert.match(first, /\((5C2|5ND)\)/);
  const [otherCode, otherName, otherSha] = first.includes('(5C2)') ? ['5ND', /County Durham.*\(5ND\)/, 'North East (Q30)'] as const : ['5C2', /Barking.*\(5C2\)/, 'London (Q36)'] as const;
  await page.getByRole('link', { name: 'Change organisation' }).click();
  await page.getByLabel(otherName).check();
  await screenshot(page, 'act-for');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${h.url}/`);
  // The URL changes before the header renders the new choice: wait for it.
  await expectText(page.getByTestId('acting-for'), otherName);
  await page.getByText(otherSha).waitFor();
  await page.reload();
  await page.getByText(otherSha).waitFor();
  await expectText(page.getByTestId('acting-for'), new RegExp(`\\(${otherCode}\\)`), 'the choice is kept for the tab');
  await screenshot(page, 'home-switched');
});
