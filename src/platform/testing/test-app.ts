// An API instance on a fresh test database, with the reference organisations and demo users, and
// helpers to act as a signed-in user through app.inject.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { resolve } from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { JobQueue } from '../jobs.ts';
import { seedDemoUsers, DEMO_PASSWORD } from '../demo.ts';
import { loadReferenceOrganisations } from '../../orgs/index.ts';
import { startTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  jobs: JobQueue;
  config: Config;
  /** Signs in and returns the request headers (cookie and CSRF token) to act as that user. */
  signIn(email: string, password?: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export const sharedDataDir = resolve(import.meta.dirname, '../../../../shared/data');

export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await startTestDatabase();
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    sharedDataDir, databaseUrl: database.url, logLevel: 'silent', ...overrides,
  };
  await loadReferenceOrganisations(database.db, config.sharedDataDir);
  await seedDemoUsers(database.db);
  const jobs = new JobQueue(database.db, { pollMs: 50 });
  await jobs.start();
  const app = await buildApp({ db: database.db, config, jobs, version: 'test' });
  await app.ready();
  return {
    app, database, jobs, config,
    async signIn(email, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'wcc_session');
      return { cookie: `wcc_session=${cookie!.value}`, 'x-csrf-token': res.json().csrfToken };
    },
    async stop() {
      await app.close();
      await jobs.stop();
      await database.stop();
    },
  };
}

export type { InjectOptions };
