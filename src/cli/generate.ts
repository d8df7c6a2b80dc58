// `wcc generate --people N --years 2003-2010 --seed S --out DIR [--format csv|parquet] [--workers N]`:
// writes a synthetic England in the formats the importers read (docs/GENERATOR.md), with a progress bar
// on stderr summed over the worker threads. The files are the same whatever the worker count.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { runGenerator } from '../analytics/generator/index.js';

export function parseYears(s: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(s.trim());
  if (!m) throw new Error(`--years must be YYYY or YYYY-YYYY, got "${s}"`);
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (b < a || a < 2001 || b > 2012) throw new Error('--years must lie within 2001-2012, first <= last');
  return [a, b];
}

export function parseWorkers(s: string | undefined): number {
  if (s === undefined) return Math.min(availableParallelism(), 16);
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--workers must be a whole number from 1 to 64, got "${s}"`);
  return n;
}

export function parseAdmissionScale(s: string): number {
  const x = Number(s);
  if (!Number.isFinite(x) || x <= 0 || x > 10) throw new Error(`--admission-scale must be a number above 0 and at most 10, got "${s}"`);
  return x;
}

export function register(program: Command): void {
  program.command('generate')
    .description('generate a synthetic England (152 PCTs, real small areas and IMD) as HES APC/OP/A&E, deaths, population and births files')
    .requiredOption('--people <n>', 'number of people at the start (England 2008: about 51,000,000)')
    .option('--years <range>', 'calendar years, e.g. 2003-2010 (HES files are the financial years starting in them)', '2003-2010')
    .option('--seed <s>', 'random seed (same seed, same files)', '1')
    .requiredOption('--out <dir>', 'output folder')
    .option('--format <f>', 'csv or parquet', 'csv')
    .option('--workers <n>', 'worker threads, each a range of PCTs balanced by population (default: the number of CPUs); output does not depend on it')
    .option('--admission-scale <x>', 'multiply emergency and elective admission rates (1 = calibrated to HES 2008-09; see docs/GENERATOR.md)', '1')
    .action(async (opts: { people: string; years: string; seed: string; out: string; format: string; workers?: string; admissionScale: string }) => {
      const people = Number(opts.people.replace(/_/g, ''));
      if (!Number.isInteger(people) || people < 0) throw new Error('--people must be a whole number');
      if (opts.format !== 'csv' && opts.format !== 'parquet') throw new Error('--format must be csv or parquet');
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) throw new Error('--seed must be a whole number from 0 to 4294967295');
      const [firstYear, lastYear] = parseYears(opts.years);
      const workers = parseWorkers(opts.workers);
      const admissionScale = parseAdmissionScale(opts.admissionScale);
      const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'generate |{bar}| {percentage}% {value}/{total} people {pct} {eta_formatted}', hideCursor: true },
        cliProgress.Presets.shades_classic);
      bar.start(people, 0, { pct: '' });
      const r = await runGenerator({ people, firstYear, lastYear, seed, outDir: opts.out, format: opts.format, workers, admissionScale,
        onProgress: (done, _total, pct) => bar.update(done, { pct }),
        onStage: (stage) => bar.update({ pct: stage === 'joining' ? 'joining parts' : 'writing Parquet' }) });
      bar.stop();
      process.stderr.write(`wrote ${r.files.length} files for ${r.personRows.toLocaleString('en-GB')} people (incl. births) to ${r.outDir} in ${r.seconds.toFixed(1)} s with ${workers} worker(s)\n`);
    });
}
