// Worker-thread entry (plain JavaScript): registers the TypeScript loader in this thread, then runs
// the generator module. See generate-worker-main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./generate-worker-main.ts');
