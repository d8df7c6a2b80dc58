// A fresh, migrated PostgreSQL database for one test file: a new database inside TEST_DATABASE_URL's
// server when that is set (CI can point at a shared server), otherwise an embedded server of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, type Db } from '../db.ts';
import { migrate } from '../migrate.ts';
import { startEmbeddedPostgres } from '../embedded.ts';

export interface TestDatabase {
  url: string;
  db: Db;
  stop(): Promise<void>;
}

export async function startTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const admin = process.env.TEST_DATABASE_URL;
  let url: string;
  let cleanup: () => Promise<void>;
  if (admin) {
    const name = `wcc_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'wcc-test-pg-'));
    const server = await startEmbeddedPostgres(dir, { persistent: false });
    url = server.url;
    cleanup = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const db = createPool(url, 5);
  if (opts.migrate !== false) await migrate(db);
  return {
    url,
    db,
    async stop() {
      await db.end();
      await cleanup();
    },
  };
}
