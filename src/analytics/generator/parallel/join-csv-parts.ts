/**
 * Makes one CSV file from a dataset's part files: appends parts 1… (without their header line) to
 * part 0, which already sits in the output folder, hashing the whole result with SHA-256 on the way
 * (part 0 is read back once; the other parts are copied once). Part files are removed. Without
 * `hash` (the CSV is only an input to the Parquet conversion) part 0 is not read and sha256 is ''.
 */
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import type { SinkSummary } from '../csv-sink.js';
import type { DatasetParts } from './generate-in-parts.js';

const CHUNK = 8 << 20;

export function joinCsvParts(d: DatasetParts, opts: { hash?: boolean } = {}): SinkSummary {
  if (d.parts.length === 1) return d.parts[0];
  const [first, ...rest] = d.parts;
  if (first.file !== d.file) throw new Error(`part 0 of ${d.file} is not the output file`);
  const hash = opts.hash === false ? null : createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const out = openSync(d.file, 'r+');
  try {
    let pos = 0;
    if (hash) for (let n; (n = readSync(out, buf, 0, CHUNK, pos)) > 0; pos += n) hash.update(buf.subarray(0, n));
    else pos = fstatSync(out).size;
    let rows = first.rows;
    for (const part of rest) {
      pos = appendWithoutHeader(part.file, out, pos, buf, hash);
      rows += part.rows;
      rmSync(part.file);
    }
    return { file: d.file, rows, bytes: pos, sha256: hash ? hash.digest('hex') : '' };
  } finally {
    closeSync(out);
  }
}

/** Copies `file` after its first line to `fd` at `pos`; returns the new end position. */
function appendWithoutHeader(file: string, fd: number, pos: number, buf: Buffer, hash: Hash | null): number {
  const inp = openSync(file, 'r');
  try {
    let skipping = true;
    for (let n; (n = readSync(inp, buf, 0, CHUNK, null)) > 0;) {
      let start = 0;
      if (skipping) {
        const nl = buf.indexOf(10);
        if (nl < 0 || nl >= n) continue;
        start = nl + 1;
        skipping = false;
      }
      const chunk = buf.subarray(start, n);
      hash?.update(chunk);
      let o = 0;
      while (o < chunk.length) o += writeSync(fd, chunk, o, chunk.length - o, pos + o);
      pos += chunk.length;
    }
    return pos;
  } finally {
    closeSync(inp);
  }
}
