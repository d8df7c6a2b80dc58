// Benchmark of the synthetic England generator: one year (2008, FY 2008-09) for N people with W worker
// threads and CSV or Parquet output — wall time (rows written, then joining/converting), peak RSS of
// the whole process (worker threads and DuckDB run inside it) and rows per dataset; optionally the
// import of every generated file through the import service into a throwaway PostgreSQL (the
// "generate and import one national year in 10 minutes within 4 GB" goal), and the start-up demo.
// Usage: node --import tsx bench/generate.ts [people=2000000] [--workers W] [--format parquet|csv]
//          [--admission-scale X] [--import] [--keep DIR] [--demo] [--append docs/BENCHMARKS.md]
// National: node --import tsx bench/generate.ts 55000000 --workers 2 --format parquet --import
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generateDemo, runGenerator } from '../src/analytics/generator/index.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const people = Number(args.find((a) => /^\d+$/.test(a)) ?? 2_000_000);
const workers = Number(opt('--workers') ?? availableParallelism());
const format = (opt('--format') ?? 'parquet') as 'csv' | 'parquet';
const admissionScale = Number(opt('--admission-scale') ?? 1);
const keep = opt('--keep');
const appendTo = opt('--append');
if (format !== 'csv' && format !== 'parquet') throw new Error('--format must be csv or parquet');
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

// Peak RSS: getrusage's maxRSS is the whole process (threads share it); a 200 ms sampler also gives
// the peak of each phase.
let phasePeak = 0;
const sampler = setInterval(() => { phasePeak = Math.max(phasePeak, process.memoryUsage().rss); }, 200);
sampler.unref();
const takePeak = () => { const p = Math.max(phasePeak, process.memoryUsage().rss); phasePeak = 0; return p; };

const load = loadavg().map((x) => x.toFixed(2)).join(', ');
const root = keep ?? mkdtempSync(join(tmpdir(), 'wcc-bench-gen-'));
const outDir = join(root, 'gen');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const lines: string[] = [];
const notes: string[] = [];

const t0 = Date.now();
const cpu0 = process.cpuUsage();
let cpuRows: NodeJS.CpuUsage | null = null;
let tRows = 0;
let tFirst = 0;
let cpuFirst: NodeJS.CpuUsage | null = null;
let lastPrint = 0;
const r = await runGenerator({ people, firstYear: 2008, lastYear: 2008, seed: 1, outDir, format, workers, admissionScale,
  onProgress: (done) => {
    if (!tFirst) { tFirst = Date.now(); cpuFirst = process.cpuUsage(cpu0); }
    if (Date.now() - lastPrint > 10_000) { lastPrint = Date.now(); process.stderr.write(`  ${fmt(done)} / ${fmt(people)} people, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`); }
  },
  onStage: () => { tRows = Date.now(); cpuRows = process.cpuUsage(cpu0); } });
const genSeconds = (Date.now() - t0) / 1000;
// CPU seconds of the whole process (all threads): independent of how loaded the machine is
const cpuSec = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const cpuGen = cpuSec(process.cpuUsage(cpu0));
const cpuRowsSec = cpuRows ? cpuSec(cpuRows) : cpuGen;
const rowsSeconds = tRows ? (tRows - t0) / 1000 : genSeconds;
const genPeak = takePeak();
const rowsOf = (p: string) => r.files.filter((f) => basename(f.file).startsWith(p)).reduce((s, f) => s + f.rows, 0);
const bytes = r.files.reduce((s, f) => s + f.bytes, 0);
const apc = rowsOf('hes_apc_');
const datasets = `APC ${fmt(apc)}, OP ${fmt(rowsOf('hes_op_'))}, A&E ${fmt(rowsOf('hes_ae_'))}, deaths ${fmt(rowsOf('deaths_'))}, births ${fmt(rowsOf('births_'))} cells, population ${fmt(rowsOf('population_'))} cells, people ${fmt(rowsOf('ground_truth_people'))}`;
const stage = tRows ? `; rows ${rowsSeconds.toFixed(1)} s + ${format === 'parquet' ? 'Parquet' : 'join'} ${(genSeconds - rowsSeconds).toFixed(1)} s` : '';
const cpuNote = `CPU ${cpuGen.toFixed(1)} s (rows ${cpuRowsSec.toFixed(1)} s${cpuRows ? ` + ${(cpuGen - cpuRowsSec).toFixed(1)} s` : ''})`;
lines.push(`| generate one year (2008, FY 2008-09), ${fmt(people)} people, ${workers} worker(s), ${format}${admissionScale !== 1 ? `, admission scale ${admissionScale}` : ''} | ${genSeconds.toFixed(1)} s${stage}; ${cpuNote} | ${fmt(people / genSeconds)} people/s | ${mb(genPeak)} MB | ${datasets}; ${(bytes / 1e6).toFixed(0)} MB ${format} |`);
// Extrapolation to 55M people: start-up once; person-level files grow with N; population and births are
// cells (small area × sex × band), which stop growing once nearly every cell is filled.
const NATIONAL = 55_000_000;
const scale = NATIONAL / people;
const MAX_CELLS: Record<string, number> = { population_: 32_482 * 38, births_: 32_482 * 2, ground_truth_pct: 152 };
const growth = (file: string, rows: number) => {
  const cap = Object.entries(MAX_CELLS).find(([p]) => basename(file).startsWith(p))?.[1];
  return cap === undefined ? scale : Math.max(1, Math.min(scale, cap / Math.max(1, rows)));
};
const allRows = r.files.reduce((s, f) => s + f.rows, 0);
const convGrowth = r.files.reduce((s, f) => s + f.rows * growth(f.file, f.rows), 0) / Math.max(1, allRows);
const cores = cpus().length;
const quiet: { rows: number; convert: number; import?: number } = { rows: 0, convert: 0 };
if (people < NATIONAL) {
  const startup = tFirst ? (tFirst - t0) / 1000 : 0;
  const cpuStart = cpuFirst ? cpuSec(cpuFirst) : 0;
  const national = startup + (rowsSeconds - startup) * scale + (genSeconds - rowsSeconds) * convGrowth;
  quiet.rows = (cpuStart + (cpuRowsSec - cpuStart) * scale) / Math.min(workers, cores);
  quiet.convert = ((cpuGen - cpuRowsSec) * convGrowth) / (format === 'parquet' ? Math.min(2, cores) : 1);
  notes.push(`Start-up before the first person (reference data, worker threads' TypeScript loader): ${startup.toFixed(1)} s wall, ${cpuStart.toFixed(1)} s CPU, counted once.`);
  lines.push(`| extrapolated to 55M people (this machine's load) | ${(national / 60).toFixed(1)} min | ≈ ${(apc * scale / 1e6).toFixed(1)}M APC episodes | same (streams) | ≈ ${((bytes * convGrowth) / 1e9).toFixed(1)} GB ${format} |`);
}

if (args.includes('--import')) {
  const { importFile } = await import('../src/analytics/import/service.ts');
  const { startTestDatabase } = await import('../src/platform/testing/test-database.ts');
  const { kindOfGeneratedFile } = await import('../src/demo/data-job.ts');
  const tdb = await startTestDatabase();
  takePeak();
  const t1 = Date.now();
  const cpu1 = process.cpuUsage();
  const per: string[] = [];
  const importCpu: [string, number, number, number][] = [];
  try {
    for (const f of r.files) {
      const kind = kindOfGeneratedFile(basename(f.file));
      if (!kind) continue;
      const ti = Date.now();
      const ci = process.cpuUsage();
      const res = await importFile({ db: tdb.db, dataDir: join(root, 'data') }, { kind, file: f.file, actor: null, createdBy: 'bench' });
      if (res.status !== 'imported') throw new Error(`import of ${f.file} failed: ${res.message}\n${res.errors.slice(0, 5).join('\n')}`);
      per.push(`${basename(f.file)} ${((Date.now() - ti) / 1000).toFixed(1)} s`);
      importCpu.push([f.file, f.rows, cpuSec(process.cpuUsage(ci)), (Date.now() - ti) / 1000]);
    }
  } finally {
    await tdb.stop();
  }
  const impSeconds = (Date.now() - t1) / 1000;
  const cpuImp = cpuSec(process.cpuUsage(cpu1));
  notes.push(`Import CPU ${cpuImp.toFixed(1)} s (whole process; PostgreSQL's own processes not counted).`);
  const impPeak = takePeak();
  lines.push(`| import every generated file (import service, embedded PostgreSQL) | ${impSeconds.toFixed(1)} s | ${per.join('; ')} | ${mb(impPeak)} MB | |`);
  if (people < NATIONAL) {
    const impNational = importCpu.reduce((s, [file, rows, , wall]) => s + wall * growth(file, rows), 0);
    quiet.import = importCpu.reduce((s, [file, rows, c]) => s + c * growth(file, rows), 0) / Math.min(2, cores);
    lines.push(`| import extrapolated to 55M people (this machine's load) | ${(impNational / 60).toFixed(1)} min | | | |`);
  }
  lines.push(`| **generate + import** | **${((genSeconds + impSeconds) / 60).toFixed(1)} min** | goal ≤ 10 min at 55M people | **${mb(Math.max(genPeak, impPeak, process.resourceUsage().maxRSS * 1024))} MB** (goal ≤ 4096) | |`);
}
if (people < NATIONAL) {
  const total = quiet.rows + quiet.convert + (quiet.import ?? 0);
  notes.push(`Quiet-machine estimate for 55M people from CPU time (CPU ÷ threads, perfect parallelism, so a lower bound on wall): rows ${(quiet.rows / 60).toFixed(1)} min + ${format === 'parquet' ? 'Parquet' : 'joining'} ${(quiet.convert / 60).toFixed(1)} min${quiet.import !== undefined ? ` + import ${(quiet.import / 60).toFixed(1)} min` : ''} = ${(total / 60).toFixed(1)} min.`);
}
if (!keep) rmSync(root, { recursive: true, force: true });
else notes.push(`Output kept in ${outDir}.`);

if (args.includes('--demo')) {
  const d = mkdtempSync(join(tmpdir(), 'wcc-bench-demo-'));
  const t2 = Date.now();
  const demo = await generateDemo(d);
  const s = (Date.now() - t2) / 1000;
  lines.push(`| demo: generateDemo (500,000 people, 2003–2010, one thread) | ${s.toFixed(1)} s | ${fmt(demo.personRows)} people incl. births | ${mb(takePeak())} MB | ${(demo.files.reduce((a, f) => a + f.bytes, 0) / 1e6).toFixed(0)} MB CSV |`);
  rmSync(d, { recursive: true, force: true });
}
const processPeak = process.resourceUsage().maxRSS / 1024;

const table = [`| run | wall time | throughput / detail | peak RSS | output |`, `|---|---|---|---|---|`, ...lines].join('\n');
const header = `Measured ${new Date().toISOString().slice(0, 16)}Z on this machine (${cpus().length} cores, load average ${load} at the start), Node ${process.version}, \`node --import tsx bench/generate.ts ${args.join(' ')}\`. Peak RSS per phase is sampled every 200 ms; the whole run's getrusage peak (worker threads and DuckDB included, they share the process) was ${processPeak.toFixed(0)} MB.`;
console.log(`${header}\n\n${table}\n${notes.join('\n')}`);
if (appendTo) {
  if (!existsSync(appendTo)) writeFileSync(appendTo, '# Benchmarks\n');
  appendFileSync(appendTo, `\n## Generator\n\n${header}\n\n${table}\n`);
}
