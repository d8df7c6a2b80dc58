/** bin/wcc.js runs `wcc stats` from the precompiled bundle when it is fresh, through tsx otherwise: same bytes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const PHE = '/work/shared/validation/phe/';
const dir = mkdtempSync(join(tmpdir(), 'wcc-stats-fast-'));

function wcc(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'wcc.js'), ...args], { encoding: 'utf8', env: { ...process.env, WCC_STATS_WHICH: '1', ...env } });
  return { status: r.status, stdout: r.stdout, via: /wcc: stats via (\w+)/.exec(r.stderr)?.[1], stderr: r.stderr.replace(/^wcc: stats via \w+\n/, '') };
}

test('the bundle and tsx give byte-identical output, exit codes and errors', () => {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.js')], { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'area,x,n\nA,5,100\nB,-1,100\n');
  const cases = [
    ['stats', 'dsr', '--input', `${PHE}dsr_input.csv`, '--group-by', 'area', '--confidence', '95,99.8'],
    ['stats', 'life-expectancy', '--input', `${PHE}life_expectancy_input.csv`, '--group-by', 'case,area', '--confidence', '95,99.8'],
    ['stats', 'sii', '--input', join(dir, 'sii.csv'), '--rii', '--intercept', '--repetitions', '2000', '--seed', '5'],
    ['stats', 'spc', '--input', join(dir, 'spc.csv'), '--polarity', 'high-is-good', '--target', '16'],
    ['stats', 'rate', '--input', bad],
    ['stats', '--help'],
  ];
  writeFileSync(join(dir, 'sii.csv'), `quantile,population,value,se\n${[1, 2, 3, 4, 5].map((q) => `${q},${100 + q},${50 - 5 * q + (q % 2) / 3},1.5`).join('\n')}\n`);
  writeFileSync(join(dir, 'spc.csv'), `value\n${[10, 12, 11, 13, 12, 14, 13.5, 9].join('\n')}\n`);
  for (const args of cases) {
    const fast = wcc(args, {});
    const slow = wcc(args, { WCC_TSX: '1' });
    assert.equal(fast.via, 'bundle', `${args.join(' ')}: ${fast.stderr}`);
    assert.equal(slow.via, 'tsx');
    assert.equal(fast.status, slow.status, args.join(' '));
    assert.equal(fast.stdout, slow.stdout, args.join(' '));
    assert.equal(fast.stderr, slow.stderr, args.join(' '));
  }
  assert.equal(wcc(cases[4], {}).status, 2);
  assert.ok(wcc(cases[0], {}).stdout.split('\n').length > 3);
});

test('a bundle older than any stats source is not used', () => {
  const bundle = join(root, 'dist', 'cli', 'stats.js');
  const { atime, mtime } = statSync(bundle);
  try {
    utimesSync(bundle, atime, new Date(0));
    const r = wcc(['stats', '--help'], {});
    assert.equal(r.via, 'tsx');
    assert.equal(r.status, 0);
  } finally {
    utimesSync(bundle, atime, mtime);
  }
  assert.equal(wcc(['stats', '--help'], {}).via, 'bundle');
});
