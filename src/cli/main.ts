// The `wcc` command line. Each command lives in its own module, loaded only when it is used, so
// quick commands (e.g. `wcc stats`) do not pay for the server's start-up.
import { Command, CommanderError } from 'commander';
import { AppError, exitCodeOfKind } from '../platform/errors.ts';
import { commands } from './commands.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('wcc')
    .description('World Class Commissioning platform')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const name = argv.find((a) => !a.startsWith('-'));
  const entry = commands.find((c) => c.name === name);
  if (entry) {
    const mod = await entry.load();
    mod.register(program);
  } else {
    for (const c of commands) program.command(c.name).description(c.summary);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2; // commander already printed the usage error
  }
  if (err instanceof AppError) {
    process.stderr.write(`wcc: ${err.message}\n`);
    for (const e of err.errors ?? []) process.stderr.write(`  ${e.path}: ${e.message}\n`);
    return exitCodeOfKind[err.kind];
  }
  process.stderr.write(`wcc: ${(err as Error).message ?? String(err)}\n`);
  return 1;
}
