// An API instance for assurance tests: like startTestApp, plus the framework versions loaded, a movable
// clock in the app's dependencies (so tests move time through deadlines) and a data folder for evidence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppDeps } from '../platform/app.ts';
import { loadConfig } from '../platform/config.ts';
import { JobQueue } from '../platform/jobs.ts';
import { seedDemoUsers, DEMO_PASSWORD } from '../platform/demo.ts';
import { loadReferenceOrganisations } from '../orgs/index.ts';
import { startTestDatabase } from '../platform/testing/test-database.ts';
import { sharedDataDir } from '../platform/testing/test-app.ts';
import { movableClock } from './clock.ts';
import { syncAssuranceFrameworks } from './repo.ts';

export async function startAssuranceTestApp(start: string) {
  const database = await startTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'wcc-assurance-'));
  const config = { ...loadConfig({ NODE_ENV: 'test' }), sharedDataDir, databaseUrl: database.url, logLevel: 'silent', dataDir };
  await loadReferenceOrganisations(database.db, config.sharedDataDir);
  await seedDemoUsers(database.db);
  await syncAssuranceFrameworks(database.db);
  const jobs = new JobQueue(database.db, { pollMs: 50 });
  const clock = movableClock(start);
  const deps: AppDeps & { clock: typeof clock } = { db: database.db, config, jobs, version: 'test', clock };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app, db: database.db, clock, dataDir,
    async signIn(email: string): Promise<Record<string, string>> {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'wcc_session');
      return { cookie: `wcc_session=${cookie!.value}`, 'x-csrf-token': res.json().csrfToken };
    },
    async stop() {
      await app.close();
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
