// Runs the (synchronous, CPU-bound) demo generator in a worker thread, so the server keeps answering
// while the synthetic England is written. Posts { progress } messages and finally { files } or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import { generateDemo } from '../analytics/generator/index.ts';

const { outDir, people, seed } = workerData as { outDir: string; people: number; seed: number };
try {
  const result = await generateDemo(outDir, {
    people, seed,
    onProgress: (done, total) => parentPort!.postMessage({ progress: done / total }),
  });
  parentPort!.postMessage({ files: result.files.map((f) => f.file) });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).message });
}
