// Configuration from the environment, read once at start-up and passed down explicitly.
import { resolve } from 'node:path';

export interface Config {
  /** PostgreSQL connection string; when absent the app runs its own embedded server. */
  databaseUrl: string | null;
  /** Folder for the embedded database, the analytics warehouse and uploaded files. */
  dataDir: string;
  port: number;
  host: string;
  /** Folder of the shared reference data (organisations, deprivation, mortality). */
  sharedDataDir: string;
  sessionTtlMinutes: number;
  cookieSecure: boolean;
  /** Load the demo users and demo data into an empty database. */
  loadDemo: boolean;
  /** With the demo: worked examples for each feature (assurance cycle, FESC, investment round). */
  loadDemoContent: boolean;
  /** With the demo: generate, import and compute the synthetic England in the background at first start. */
  loadDemoData: boolean;
  logLevel: string;
  /** Sign-in attempts allowed from one client address per 10 minutes (accounts also lock after 5 failures). */
  signInAttemptsPerAddress: number;
  /** Build the web app at start when its sources are newer than the build (off in API-only tests). */
  buildWeb: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    dataDir: resolve(env.WCC_DATA_DIR ?? 'data'),
    port,
    host: env.HOST ?? '127.0.0.1',
    sharedDataDir: resolve(env.WCC_SHARED_DATA ?? '../shared/data'),
    sessionTtlMinutes: Number(env.WCC_SESSION_TTL_MINUTES ?? 8 * 60),
    cookieSecure: env.WCC_COOKIE_SECURE !== 'false',
    loadDemo: env.WCC_DEMO !== 'false',
    loadDemoContent: env.WCC_DEMO_CONTENT !== 'false',
    loadDemoData: env.WCC_DEMO_DATA !== 'false',
    buildWeb: env.WCC_BUILD_WEB !== 'false',
    signInAttemptsPerAddress: Number(env.WCC_SIGNIN_ATTEMPTS_PER_ADDRESS ?? 100),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'warn'),
  };
}
