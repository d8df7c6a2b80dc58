// The web app is built by Vite into dist/web; `wcc start` builds it when it is missing or older
// than its sources, so `npm start` works straight after `npm install`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  if (!existsSync(webSrc) || webBuildIsCurrent()) return;
  log('Building the web app (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}
