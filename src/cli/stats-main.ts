/**
 * Stand-alone entry for `stats` alone (`node --import tsx src/cli/stats-main.ts stats dsr …`): the same
 * command as `wcc stats`, without loading the other commands. Used by the benchmark and for testing.
 */
import { Command } from 'commander';
import { register } from './stats.ts';

const program = new Command('wcc').exitOverride();
register(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e && typeof e === 'object' && 'exitCode' in e)) throw e;
  process.exitCode = (e as { code?: string }).code === 'commander.helpDisplayed' ? 0 : 2;
}
