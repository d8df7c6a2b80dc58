/**
 * `wcc stats <method>`: PHE indicator statistics over a CSV file. Only commander and the (data-only) method
 * table are touched at load time; the engine is imported when the command runs, so other commands start fast.
 */
import type { Command } from 'commander';
import { methodsHelp, STATS_OPTIONS } from '../stats/run/methods.ts';
import { STATS_METHODS } from '../stats/run/options.ts';

export function register(program: Command): void {
  const cmd = program
    .command('stats')
    .description(`Compute PHE indicator statistics (${STATS_METHODS.join(', ')}) from a CSV file`)
    .argument('<method>', 'statistics method (see Methods below)')
    .requiredOption('--input <file>', 'input CSV (plain or .gz)')
    .option('--output <file>', 'output CSV (default: standard output)');
  for (const spec of STATS_OPTIONS) cmd.option(spec.flag, spec.choices ? `${spec.help} [${spec.choices.join(' | ')}]` : spec.help);
  cmd
    .addHelpText('after', methodsHelp())
    .action(async (method: string, opts: Record<string, string | boolean | undefined>) => {
      const { runStatsCli } = await import('./stats-run.ts');
      process.exitCode = await runStatsCli(method, opts);
    });
}
