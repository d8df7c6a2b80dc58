/** Streams a CSV file (plain or gzip) through a CsvByteCursor, one callback per data row. */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { StatsInputError } from '../confidence.ts';
import type { RowCursor } from '../run/cursor.ts';
import { CsvByteCursor } from './csv-bytes.ts';

/** Bytes of a file, gunzipped when it starts with the gzip magic number. */
export function openCsvSource(file: string): AsyncIterable<Buffer> {
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(2);
  const got = readSync(fd, magic, 0, 2, 0);
  closeSync(fd);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (got === 2 && magic[0] === 0x1f && magic[1] === 0x8b) return raw.pipe(createGunzip({ chunkSize: 1 << 20 }));
  return raw;
}

export interface RowSink {
  (row: RowCursor): void;
}

/**
 * Reads the header, asks `start` for the row handler, and feeds it every data row. Errors from a row
 * are re-thrown with the 1-based data-row number. Returns the number of data rows.
 */
export async function readCsvRows(source: AsyncIterable<Buffer>, start: (header: string[]) => RowSink): Promise<number> {
  const cur = new CsvByteCursor();
  let sink: RowSink | null = null;
  let rowNo = 0;
  let carry: Buffer | null = null;
  const process = (buf: Buffer, final: boolean): void => {
    cur.buf = buf;
    let pos = 0;
    while (pos < buf.length) {
      let next: number;
      try {
        next = cur.splitRow(pos, final);
      } catch (e) {
        throw withRow(e, rowNo + 1);
      }
      if (next < 0) break;
      pos = next;
      if (cur.count === 1 && cur.ends[0] === cur.starts[0] && !cur.quoted[0]) continue; // blank line
      if (!sink) {
        cur.header = Array.from({ length: cur.count }, (_, i) => cur.text(i).trim());
        if (cur.header[0]?.charCodeAt(0) === 0xfeff) cur.header[0] = cur.header[0].slice(1);
        const seen = new Set<string>();
        for (const h of cur.header) {
          if (seen.has(h)) throw new StatsInputError(h, `duplicate column "${h}" in the header`, 0);
          seen.add(h);
        }
        sink = start(cur.header);
        continue;
      }
      rowNo++;
      try {
        sink(cur);
      } catch (e) {
        throw withRow(e, rowNo);
      }
    }
    carry = pos < buf.length ? buf.subarray(pos) : null;
  };
  for await (const chunk of source) {
    const c = chunk as Buffer;
    process(carry ? Buffer.concat([carry, c]) : c, false);
  }
  if (carry) process(carry, true);
  if (!sink) throw new StatsInputError(null, 'the input is empty (no header row)', 0);
  return rowNo;
}

function withRow(e: unknown, row: number): unknown {
  if (e instanceof StatsInputError && e.row === null) return new StatsInputError(e.column, e.reason, row, e.source);
  return e;
}
