// The web app is built by Vite into dist/web; `wcc start` builds it when it is missing or older
// than its sources, so `npm start` works straight after `npm install`.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
export const webRoot = join(repoRoot, 'dist/web');
const webSrc = join(repoRoot, 'src/web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

export function webBuildIsCurrent(): boolean {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) return false;
  if (!existsSync(webSrc)) return true;
  return statSync(index).mtimeMs >= newestMtime(webSrc);
}

/**
 * Builds dist/web when it is missing or stale. Several processes may start at once (tests, a CLI and a
 * server), so one builds at a time under a lock directory, into a staging folder that is then swapped in:
 * a running server never sees a half-written or emptied dist/web.
 */
export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  if (!existsSync(webSrc) || webBuildIsCurrent()) return;
  await withBuildLock(async () => {
    if (webBuildIsCurrent()) return; // another process built it while this one waited
    log('Building the web app (first start or changed sources)…');
    const { build } = await import('vite');
    const staging = `${webRoot}.build-${process.pid}`;
    const old = `${webRoot}.old-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    try {
      await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
      if (existsSync(webRoot)) renameSync(webRoot, old);
      renameSync(staging, webRoot);
    } finally {
      rmSync(staging, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
  });
}

const LOCK_STALE_MS = 5 * 60_000;

async function withBuildLock(fn: () => Promise<void>): Promise<void> {
  const lock = `${webRoot}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A build that died (killed mid-way) leaves its lock behind: take it over after a while.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
