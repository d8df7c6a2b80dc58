// `wcc start`: the database (embedded unless DATABASE_URL is set), migrations, reference data and
// demo accounts on an empty database, the job worker, the API and the web app, and a clean shutdown.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { createPool, type Db } from './db.ts';
import { migrate } from './migrate.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
import { JobQueue } from './jobs.ts';
import { buildApp } from './app.ts';
import { demoUsers, DEMO_PASSWORD } from './demo.ts';
import { DEMO_DATA_JOB, demoDataJobHandler, demoDataNeeded, loadReferenceData, seedDemoContent } from '../demo/index.ts';
import { ensureWebBuilt, webRoot } from './web-build.ts';

export const packageVersion: string = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).version;

export interface Runtime {
  db: Db;
  config: Config;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/** Connects to the configured database (starting the embedded one if needed) and migrates it. */
export async function openRuntime(config: Config, log: (line: string) => void = () => undefined, opts: { attach?: boolean } = {}): Promise<Runtime> {
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'pg'), { attach: opts.attach });
    url = embedded.url;
    log(`Embedded PostgreSQL 17 running, data in ${join(config.dataDir, 'pg')}`);
  }
  const db = createPool(url);
  try {
    const m = await migrate(db);
    if (m.applied.length) log(`Applied ${m.applied.length} migration(s): ${m.applied.join(', ')}`);
  } catch (err) {
    await db.end();
    await embedded?.stop();
    throw err;
  }
  return {
    db, config, embedded,
    async close() {
      await db.end();
      await embedded?.stop();
    },
  };
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<{ app: FastifyInstance; url: string; stop(): Promise<void> }> {
  const runtime = await openRuntime(config, log);
  const { db } = runtime;
  await loadReferenceData(db, config, log);
  const seeded = config.loadDemo && (await seedDemoContent(db, log, config.loadDemoContent));
  const jobs = new JobQueue(db);
  jobs.register(DEMO_DATA_JOB, demoDataJobHandler({ dataDir: config.dataDir, sharedDataDir: config.sharedDataDir }));
  await jobs.start();
  if (config.buildWeb) await ensureWebBuilt(log);
  const app = await buildApp({ db, config, jobs, version: packageVersion }, { webRoot });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  log(`\nwcc is running at ${url}  (API docs: ${url}/api/docs)`);
  if (config.loadDemo) {
    log(`${seeded ? 'Demo accounts created' : 'Demo accounts'} (password "${DEMO_PASSWORD}" unless changed):`);
    for (const u of demoUsers) log(`  ${u.email.padEnd(26)} ${u.roles.map((r) => r.role + (r.orgCode ? ` ${r.orgCode}` : '')).join(', ')}`);
    if (config.loadDemoContent) log('  (more: panel2@, ne.lead@, ne.panel@, supplier.bupa@, supplier.mckinsey@, evaluator.one@, evaluator.two@, facilitator@wcc.example; see README)');
  }
  if (config.loadDemo && config.loadDemoData && (await demoDataNeeded(db))) {
    const id = await jobs.enqueue(DEMO_DATA_JOB, {}, null);
    log(`Loading the demo data in the background (synthetic England, 500,000 people, 2003–2010; a few minutes): job ${id}`);
    log(`  progress: ${url}/api/jobs/${id} (while signed in as admin@wcc.example)`);
  }
  log('Press Ctrl-C to stop.');
  let stopping: Promise<void> | null = null;
  return {
    app, url,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await jobs.stop();
        await runtime.close();
      })();
      return stopping;
    },
  };
}
