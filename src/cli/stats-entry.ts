/**
 * `wcc stats …` on its own: the same command as through src/cli/main.ts, without loading the other
 * commands. bin/wcc.js runs the precompiled bundle of this file (dist/cli/stats.js, built by
 * scripts/build-cli.js) when it is up to date, so the statistics CLI starts without tsx's loader.
 */
import { Command, CommanderError } from 'commander';
import { register } from './stats.ts';

/** argv without node and script, e.g. ['stats', 'dsr', '--input', 'f.csv']; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('wcc')
    .description('World Class Commissioning platform')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // as reportError in main.ts: commander has already printed usage errors
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    }
    process.stderr.write(`wcc: ${(err as Error).message ?? String(err)}\n`);
    return 1;
  }
}
