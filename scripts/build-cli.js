#!/usr/bin/env node
// Precompiles `wcc stats` (src/cli/stats-entry.ts) into dist/cli/stats.js so bin/wcc.js can start it
// without tsx's loader. Run by `npm install` / `npm ci` through the "prepare" script, or by hand.
// ESM for Node, node_modules left external; code splitting keeps the methods' lazy imports lazy
// (a DSR run does not load the distributions library). Stale or missing bundles are never used:
// bin/wcc.js falls back to tsx when any source is newer than the bundle.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'cli');
// built beside the target and swapped in, so a `wcc stats` starting meanwhile sees a whole bundle or none
const outdir = `${target}.build-${process.pid}`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('build-cli: esbuild is not installed; `wcc stats` will run through tsx');
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  entryPoints: { stats: join(root, 'src', 'cli', 'stats-entry.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'stats-[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

// bin/wcc.js checks freshness against src/stats/** and src/cli/stats*.ts only: every source must be there.
const outside = Object.keys(result.metafile.inputs)
  .map((f) => relative(root, join(root, f)))
  .filter((f) => !f.startsWith('node_modules') && !f.startsWith(join('src', 'stats')) && !/^src[\\/]cli[\\/]stats[^\\/]*\.ts$/.test(f));
if (outside.length) {
  rmSync(outdir, { recursive: true, force: true });
  console.error(`build-cli: the stats bundle must only use src/stats/** and src/cli/stats*.ts, but uses ${outside.join(', ')}`);
  process.exit(1);
}
const old = `${target}.old-${process.pid}`;
try { renameSync(target, old); } catch { /* no previous bundle */ }
renameSync(outdir, target);
rmSync(old, { recursive: true, force: true });
console.log(`build-cli: wrote ${relative(root, join(target, 'stats.js'))} (${Object.keys(result.metafile.outputs).length} files)`);
