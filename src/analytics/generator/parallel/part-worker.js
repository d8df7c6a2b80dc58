// Worker-thread entry (plain JavaScript, as src/demo/generate-worker.js): registers the TypeScript
// loader in this thread, then generates one PCT range. See part-worker-main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./part-worker-main.ts');
