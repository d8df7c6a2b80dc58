// Generates one contiguous PCT range of the synthetic England into its own folder (part files with
// headers), posting { progress: done } now and then and finally { files, personRows } or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import { generateEngland, type GenerateOptions } from '../generate-england.ts';

const opts = workerData as Omit<GenerateOptions, 'onProgress' | 'reference'>;
try {
  const r = generateEngland({ ...opts, sharedFiles: false, onProgress: (done) => parentPort!.postMessage({ progress: done }) });
  parentPort!.postMessage({ files: r.files, personRows: r.personRows });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).stack ?? String(err) });
}
