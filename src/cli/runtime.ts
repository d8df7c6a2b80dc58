// Opens the database for a CLI command (attaching to a running embedded server if there is one), makes
// sure it holds the reference data every install needs (as `wcc start` does: the organisation tree the
// indicators roll up to, the assurance frameworks, the indicator catalogue; idempotent), runs the
// action, and always closes what it opened.
import { loadConfig } from '../platform/config.ts';
import { openRuntime, type Runtime } from '../platform/server.ts';
import { loadReferenceData } from '../demo/index.ts';

export async function withRuntime<T>(action: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig(), () => undefined, { attach: true });
  try {
    try {
      await loadReferenceData(rt.db, rt.config, () => undefined);
    } catch (err) {
      // Commands that need no reference data still run; those that do say what is missing.
      console.error(`Warning: the reference data could not be loaded from ${rt.config.sharedDataDir} (set WCC_SHARED_DATA): ${(err as Error).message}`);
    }
    return await action(rt);
  } finally {
    await rt.close();
  }
}
