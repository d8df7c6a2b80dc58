// Opens the database for a CLI command (attaching to a running embedded server if there is one),
// runs the action, and always closes what it opened.
import { loadConfig } from '../platform/config.ts';
import { openRuntime, type Runtime } from '../platform/server.ts';

export async function withRuntime<T>(action: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig(), () => undefined, { attach: true });
  try {
    return await action(rt);
  } finally {
    await rt.close();
  }
}
