// Test harness for browser tests: a wcc server of its own (fresh database, demo accounts, built web
// app) on a free port, and Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig, type Config } from '../src/platform/config.ts';
import type { Db } from '../src/platform/db.ts';
import { startServer } from '../src/platform/server.ts';
import { startTestDatabase, type TestDatabase } from '../src/platform/testing/test-database.ts';

export const DEMO_PASSWORD = 'world-class-2008';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  url: string;
  browser: Browser;
  /** The test database's pool, for seeding or checking what a test did. */
  db: Db;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Configuration to use instead of the harness's defaults (demo accounts, no demo content or data). */
  config?: Partial<Config>;
  /** Puts what the test needs in the database once the server has started (reference data and demo accounts are there). */
  seed?: (db: Db) => Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wcc-e2e-'));
  let database: TestDatabase | null = null;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    database = await startTestDatabase({ migrate: false });
    const config = {
      ...loadConfig({ WCC_SHARED_DATA: process.env.WCC_SHARED_DATA ?? resolve(import.meta.dirname, '../../shared/data') }),
      databaseUrl: database.url, dataDir, port: 0, cookieSecure: true, loadDemo: true, loadDemoContent: false, loadDemoData: false, logLevel: 'silent',
      ...options.config,
    };
    server = await startServer(config, () => undefined);
    await options.seed?.(database.db);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
    const s = server, db = database;
    return {
      url: s.url,
      browser,
      db: db.db,
      async close() {
        await browser.close();
        await s.stop();
        await db.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await server?.stop();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  // The app asks who is signed in as it starts. Wait for that answer before signing in: arriving after the
  // sign-in, the earlier "nobody" answer would replace the new session in the page (header, menu, guards).
  // The wait covers loading the page and the app as well, which can take over 30 s on a busy CI machine.
  // (Settled at once into an error or null, so a failing goto leaves no rejection unhandled.)
  const started = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'GET', { timeout: 90_000 })
    .then(() => null, (err: Error) => err);
  await page.goto(`${baseUrl}/sign-in`);
  const failed = await started;
  if (failed) throw new Error(`the web app did not ask for the session within 90 s of opening ${baseUrl}/sign-in: did it load (is dist/web being rebuilt)?\n${failed.message}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** Runs axe-core in the page (evaluated through DevTools, so the page's CSP does not block it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

/** Saves a full-page screenshot when WCC_SCREENSHOTS names a folder (for looking at the pages). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.WCC_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

// The page renders after the URL changes (client-side routing and a fetch), so wait for the expected
// heading to appear, then compare: a wrong heading still fails, naming what was shown instead.
export async function expectH1(page: Page, expected: string, message?: string): Promise<void> {
  const heading = page.locator('main h1').first();
  await heading.filter({ hasText: expected }).waitFor({ timeout: 30_000 }).catch(() => undefined);
  assert.equal(await heading.innerText(), expected, message);
}

/**
 * Reads until `ok` accepts what was read or the time runs out, and returns the last reading for the caller
 * to assert on — so a page that is still rendering gets time, and a wrong page still fails with what it showed.
 * A read that throws (the element is not there yet) is retried; after the deadline its error is reported.
 */
export async function settled<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const value = await read();
      if (ok(value)) return value;
    } catch {
      // not there yet
    }
    if (Date.now() >= deadline) return read();
    await new Promise((r) => setTimeout(r, 100));
  }
}

const matches = (expected: RegExp | string, text: string) =>
  typeof expected === 'string' ? text === expected : new RegExp(expected.source, expected.flags.replace('g', '')).test(text);

/** Waits for the element's text to match (a RegExp) or equal (a string), then asserts it. */
export async function expectText(locator: Locator, expected: RegExp | string, message?: string, timeout = 30_000): Promise<void> {
  const text = await settled(() => locator.innerText({ timeout: 2_000 }), (t) => matches(expected, t), timeout);
  if (typeof expected === 'string') assert.equal(text, expected, message);
  else assert.match(text, expected, message);
}

/** Waits for the locator to match exactly `expected` elements (a list may still be rendering), then asserts the count. */
export async function expectCount(locator: Locator, expected: number, message?: string, timeout = 30_000): Promise<void> {
  assert.equal(await settled(() => locator.count(), (n) => n === expected, timeout), expected, message);
}

/** Waits for the page's title to match (a RegExp) or equal (a string), then asserts it. */
export async function expectTitle(page: Page, expected: RegExp | string, message?: string, timeout = 30_000): Promise<void> {
  const title = await settled(() => page.title(), (t) => matches(expected, t), timeout);
  if (typeof expected === 'string') assert.equal(title, expected, message);
  else assert.match(title, expected, message);
}

/** Waits until an image has finished loading or failed (`complete`), so its naturalWidth can then be checked. */
export async function waitForImage(image: Locator, timeout = 30_000): Promise<void> {
  await image.waitFor({ timeout });
  await image.page().waitForFunction((img) => (img as HTMLImageElement).complete, await image.elementHandle(), { timeout });
}
