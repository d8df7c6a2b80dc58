// Runs one `wcc` command file in a child process, as a user would run `wcc <args>`: the command's own
// register(), the CLI's error reporting and exit codes, with the environment given.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const cliDir = join(import.meta.dirname, '..');

export function runCommand(commandFile: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const runner = `
    const { Command } = await import('commander');
    const { register } = await import(${JSON.stringify(join(cliDir, commandFile))});
    const { reportError } = await import(${JSON.stringify(join(cliDir, 'main.ts'))});
    const program = new Command('wcc').exitOverride();
    register(program);
    try { await program.parseAsync(process.argv.slice(1), { from: 'user' }); } catch (err) { process.exitCode = reportError(err); }
    process.exit(process.exitCode ?? 0);
  `;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', runner, ...args],
      { env: { ...process.env, ...env }, cwd: join(cliDir, '../..') },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}
