// Benchmark of the outcomes feature (never a test): the profile API for one PCT (every catalogue
// indicator, one period) under 50 concurrent clients, the profile page in Chromium (navigation until
// the indicator table is usable), and the 152-PCT heatmap (server SVG and in the browser).
// Usage: node --import tsx bench/outcomes.ts [--seconds 15] [--append docs/BENCHMARKS.md]
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/platform/server.ts';
import { startTestDatabase } from '../src/platform/testing/test-database.ts';
import { loadCatalogue } from '../src/analytics/indicators/index.ts';
import { FIXTURE_INDICATORS, insertFixtureValues, type FixtureIndicator } from '../src/outcomes/testing/fixture.ts';

const args = process.argv.slice(2);
const seconds = Number(args.includes('--seconds') ? args[args.indexOf('--seconds') + 1] : 15);
const appendTo = args.includes('--append') ? args[args.indexOf('--append') + 1] : undefined;
const CLIENTS = 50;

const dataDir = mkdtempSync(join(tmpdir(), 'wcc-bench-outcomes-'));
const database = await startTestDatabase({ migrate: false });
const server = await startServer({
  ...loadConfig({ WCC_SHARED_DATA: resolve(import.meta.dirname, '../../shared/data') }),
  databaseUrl: database.url, dataDir, port: 0, cookieSecure: false, loadDemo: false, logLevel: 'silent',
}, () => undefined);

// Every catalogue indicator (fixture shapes for the known ones, a generic rate for the rest).
const known = new Map(FIXTURE_INDICATORS.map((i) => [i.id, i]));
const indicators: FixtureIndicator[] = loadCatalogue().map((d) => known.get(d.id) ?? {
  id: d.id, base: 500, perPerson: 1e5, polarity: d.polarity === 'higher-is-better' ? 'higher-is-better' : d.polarity === 'no-judgement' ? 'no-judgement' : 'lower-is-better', spread: 0.15, trend: 0.01,
});
const t0 = Date.now();
const rowsInserted = await insertFixtureValues(database.db, 7, indicators);
await database.db.query('ANALYZE indicator_values');
const loadSeconds = (Date.now() - t0) / 1000;

const url = `${server.url}/api/areas/5C2/profile?period=2008-09`;
const first = await (await fetch(url)).json() as { rows: unknown[] };
const pcts = (await (await fetch(`${server.url}/api/areas/ENG/heatmap?period=2008-09`)).json() as { areas: unknown[] }).areas.length;

async function load(target: string, clients: number, secs: number) {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + secs * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < end) {
      const s = performance.now();
      const r = await fetch(target);
      await r.arrayBuffer();
      latencies.push(performance.now() - s);
      if (!r.ok) errors++;
    }
  }));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { n: latencies.length, errors, p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: latencies.length / secs };
}
await load(url, 10, 2); // warm-up
const profile = await load(url, CLIENTS, seconds);
const peers = await load(`${server.url}/api/areas/5C2/profile?period=2008-09&benchmark=peers`, CLIENTS, Math.max(5, seconds / 3));

const svgTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  await (await fetch(`${server.url}/api/areas/ENG/charts/heatmap?period=2008-09&format=svg`)).text();
  svgTimes.push(performance.now() - s);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
const pageTimes: number[] = [];
const heatTimes: number[] = [];
for (let i = 0; i < 6; i++) {
  const s = Date.now();
  await page.goto(`${server.url}/areas/5C2?period=2008-09`);
  await page.getByRole('table', { name: /^Indicators for/ }).waitFor();
  if (i > 0) pageTimes.push(Date.now() - s); // the first visit also loads the app's JavaScript and CSS
  const h = Date.now();
  await page.goto(`${server.url}/areas/ENG?period=2008-09`);
  await page.waitForFunction(() => { const img = document.querySelector('figure[data-chart="heatmap"] img') as HTMLImageElement | null; return !!img && img.complete && img.naturalWidth > 0; }, undefined, { timeout: 30_000 });
  if (i > 0) heatTimes.push(Date.now() - h);
}
await browser.close();
await server.stop();
await database.stop();
rmSync(dataDir, { recursive: true, force: true });

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;
const table = [
  '| measure | result | limit |', '|---|---|---|',
  `| profile API, 5C2, 2008-09, ${first.rows.length} indicators, England benchmark: ${CLIENTS} concurrent clients for ${seconds} s | p50 ${ms(profile.p50)}, **p95 ${ms(profile.p95)}**, p99 ${ms(profile.p99)}; ${profile.rps.toFixed(0)} req/s; ${profile.errors} errors of ${profile.n} | p95 ≤ 100 ms |`,
  `| same with the statistical-peers benchmark | p50 ${ms(peers.p50)}, p95 ${ms(peers.p95)}; ${peers.rps.toFixed(0)} req/s | – |`,
  `| profile page /areas/5C2 in Chromium, navigation until the indicator table shows (median of 5, warm) | ${ms(med(pageTimes))} (${pageTimes.map(ms).join(', ')}) | ≤ 1 s |`,
  `| heatmap of all ${pcts} PCTs × ${indicators.length} indicators: server SVG | ${svgTimes.map(ms).join(', ')} | – |`,
  `| heatmap of all ${pcts} PCTs in Chromium: navigation to /areas/ENG until the heatmap image is drawn (median of 5) | ${ms(med(heatTimes))} (${heatTimes.map(ms).join(', ')}) | ≤ 2 s |`,
].join('\n');
const context = `Data: ${rowsInserted.toLocaleString('en-GB')} synthetic indicator values (${indicators.length} catalogue indicators × ${pcts} PCTs, 10 SHAs and England × 8 years, persons and 5 deprivation quintiles for PCTs; \`src/outcomes/testing/fixture.ts\`, loaded in ${loadSeconds.toFixed(1)} s) in an embedded PostgreSQL 17. Load generator (Node fetch, ${CLIENTS} workers) and server in one machine: ${cpus().length} cores shared with other engineers, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end, Node ${process.version}.`;
console.log(`${context}\n\n${table}`);
if (appendTo) appendFileSync(appendTo, `\n## Outcomes\n\nMeasured ${new Date().toISOString().slice(0, 10)} with \`node --import tsx bench/outcomes.ts ${args.join(' ')}\`. ${context}\n\n${table}\n`);
