// Benchmark of the synthetic England generator: people/second, rows/second and peak memory for one
// year at a given size, extrapolated to England (55M people); and the start-up demo (500k people,
// 2003–2010). Usage: node --import tsx bench/generate.ts [people=2000000] [--demo] [--append docs/BENCHMARKS.md]
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, runGenerator } from '../src/analytics/generator/index.js';

const args = process.argv.slice(2);
const people = Number(args.find((a) => /^\d+$/.test(a)) ?? 2_000_000);
const appendTo = args.includes('--append') ? args[args.indexOf('--append') + 1] : undefined;
const lines: string[] = [];

const dir = mkdtempSync(join(tmpdir(), 'wcc-bench-gen-'));
const r = await runGenerator({ people, firstYear: 2008, lastYear: 2008, seed: 1, outDir: dir });
const peakMb = process.resourceUsage().maxRSS / 1024;
const rows = (p: string) => r.files.filter((f) => f.file.includes(p)).reduce((s, f) => s + f.rows, 0);
const bytes = r.files.reduce((s, f) => s + f.bytes, 0);
const apc = rows('hes_apc_');
const all = r.files.reduce((s, f) => s + f.rows, 0);
const perSec = people / r.seconds;
const scale = 55_000_000 / people;
lines.push(`| one year (2008, FY 2008-09), ${people.toLocaleString('en-GB')} people | ${r.seconds.toFixed(1)} s | ${Math.round(perSec).toLocaleString('en-GB')} people/s; ${Math.round(all / r.seconds).toLocaleString('en-GB')} rows/s | ${peakMb.toFixed(0)} MB | APC ${apc.toLocaleString('en-GB')}, OP ${rows('hes_op_').toLocaleString('en-GB')}, A&E ${rows('hes_ae_').toLocaleString('en-GB')}, deaths ${rows('deaths_').toLocaleString('en-GB')}; ${(bytes / 1e6).toFixed(0)} MB CSV |`);
lines.push(`| extrapolated: 55M people, one process | ${(r.seconds * scale / 60).toFixed(1)} min | ≈ ${Math.round((apc * scale) / 1e6)}M APC episodes | same (streams) | ${((bytes * scale) / 1e9).toFixed(1)} GB CSV |`);
rmSync(dir, { recursive: true, force: true });

if (args.includes('--demo')) {
  const d = mkdtempSync(join(tmpdir(), 'wcc-bench-demo-'));
  const t0 = Date.now();
  const demo = await generateDemo(d);
  const s = (Date.now() - t0) / 1000;
  lines.push(`| demo: generateDemo (500,000 people, 2003–2010) | ${s.toFixed(1)} s | ${demo.personRows.toLocaleString('en-GB')} people incl. births | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB | ${(demo.files.reduce((a, f) => a + f.bytes, 0) / 1e6).toFixed(0)} MB CSV |`);
  rmSync(d, { recursive: true, force: true });
}

const table = [`| run | wall time | throughput | peak RSS | output |`, `|---|---|---|---|---|`, ...lines].join('\n');
console.log(table);
if (appendTo) {
  if (!existsSync(appendTo)) writeFileSync(appendTo, '# Benchmarks\n');
  appendFileSync(appendTo, `\n## Generator\n\nMeasured ${new Date().toISOString().slice(0, 10)} on this machine (${cpus().length} cores, shared), Node ${process.version}, single process, CSV output, \`node --import tsx bench/generate.ts ${args.join(' ')}\`.\n\n${table}\n`);
}
