// Investment optimiser benchmark: a 500-option, five-year problem with dependencies and exclusions
// solved to proven optimality, then 10,000 Monte Carlo draws of its LP relaxation.
// Run: node --import tsx bench/investment.ts [--options 500] [--draws 10000] [--seed 7]
import os from 'node:os';
import { loadSolver } from '../src/investment/optimiser/highs.ts';
import { solvePortfolio } from '../src/investment/optimiser/solve.ts';
import { randomProblem } from '../src/investment/optimiser/random-problem.ts';
import { runMonteCarlo } from '../src/investment/optimiser/monte-carlo.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const n = arg('options', 500), draws = arg('draws', 10_000), seed = arg('seed', 7);
const solver = await loadSolver();
// The first solve in a process also pays for compiling and tiering up HiGHS's WebAssembly (≈1–2 s):
// time a 60-option problem first and report it, so the 500-option time is the solve itself.
const w0 = performance.now();
solvePortfolio(solver, randomProblem(seed + 1000, 60));
console.log(`warm-up (60 options, includes WebAssembly start-up): ${((performance.now() - w0) / 1000).toFixed(2)} s`);
const p = randomProblem(seed, n);
console.log(`problem: ${n} options × ${p.budgets.length} years, ${p.requires.length} requirements, ${p.excludes.length} exclusions, ${p.options.filter((o) => o.mustDo).length} must-do, ${p.options.filter((o) => o.value < 0).length} disinvestments (seed ${seed})`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, Node ${process.version}`);
const t0 = performance.now();
const s = solvePortfolio(solver, p);
const total = performance.now() - t0;
console.log(`MIP (proven optimal, gap 0): ${s.status}, objective ${s.objective.toFixed(1)}, ${s.chosen.length} chosen; MIP + shadow prices ${(total / 1000).toFixed(2)} s (MIP alone ${(s.mipMs / 1000).toFixed(2)} s)`);
const again = solvePortfolio(solver, p);
console.log(`same MIP again (WebAssembly warm): MIP alone ${(again.mipMs / 1000).toFixed(2)} s, objective ${again.objective.toFixed(1)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const unc = p.options.map((o) => ({ value: { low: Math.min(o.value * 0.5, o.value * 1.5), likely: o.value, high: Math.max(o.value * 0.5, o.value * 1.5) }, costFactor: { low: 0.9, likely: 1, high: 1.3 } }));
const mc = runMonteCarlo(solver, p, { draws, seed, shape: 'pert', mode: 'lp', uncertainty: unc });
console.log(`Monte Carlo (LP relaxation, PERT): ${mc.draws} draws, ${mc.solved} solved, ${(mc.elapsedMs / 1000).toFixed(2)} s; objective p5/p50/p95 ${mc.objective.p5.toFixed(1)} / ${mc.objective.p50.toFixed(1)} / ${mc.objective.p95.toFixed(1)}`);
