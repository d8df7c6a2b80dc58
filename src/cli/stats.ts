/**
 * `wcc stats <method>`: PHE indicator statistics over a CSV file. Only commander is touched at load time;
 * the engine is imported when the command runs, so other commands start fast.
 */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('stats')
    .description('Compute PHE indicator statistics (proportion, rate, mean, dsr, isratio, israte, life-expectancy, quantile, sii, funnel-limits, funnel-significance, funnel-points) from a CSV file')
    .argument('<method>', 'statistics method')
    .requiredOption('--input <file>', 'input CSV (plain or .gz)')
    .option('--output <file>', 'output CSV (default: standard output)')
    .option('--group-by <columns>', 'comma-separated grouping columns')
    .option('--confidence <levels>', 'confidence level(s), e.g. 95 or 95,99.8')
    .option('--multiplier <n>', 'multiplier (e.g. 100000 for per 100,000)')
    .option('--map <pairs>', 'column mapping col=source,… (method column = your column)')
    .option('--standard <name>', 'dsr: built-in standard population (esp2013) matched on the ageband column')
    .option('--non-independent', 'dsr: events are not independent (eventfreq and ageband columns)')
    .option('--refvalue <n>', 'isratio: reference value (1 or 100)')
    .option('--quantiles <n>', 'quantile: number of quantiles (default 10)')
    .option('--invert <value>', 'quantile: true, false or a column holding TRUE/FALSE (default true)')
    .option('--value-type <n>', 'sii: 0 other, 1 rate, 2 proportion')
    .option('--transform', 'sii: regress on the log/logit scale')
    .option('--rii', 'sii: also report the relative index of inequality')
    .option('--repetitions <n>', 'sii: simulations for the confidence limits (default 100000)')
    .option('--seed <n>', 'sii: random seed (default 1)')
    .option('--statistic <name>', 'funnels: proportion, ratio or rate')
    .option('--ratio-type <name>', 'funnels: count or isr')
    .option('--rate-type <name>', 'funnels: dsr or crude')
    .option('--years <n>', 'funnels: years of data (default 1)')
    .action(async (method: string, opts: Record<string, string | boolean | undefined>) => {
      const { runStatsCli } = await import('./stats-run.ts');
      process.exitCode = await runStatsCli(method, opts);
    });
}
