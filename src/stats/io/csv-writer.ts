/** CSV output: numbers in shortest round-trip form (String(n)), NA as an empty cell, text quoted when needed. */
import type { Cell } from '../run/cursor.ts';

export function formatCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatRow(cells: readonly Cell[]): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) s += (i ? ',' : '') + formatCell(cells[i]);
  return s + '\n';
}

/** Writes rows straight into a reusable byte buffer handed to `flush` whenever it fills. */
export class CsvChunker {
  private buf: Buffer;
  private pos = 0;
  constructor(private readonly flush: (chunk: Buffer) => void, private readonly chunkSize = 1 << 20) {
    this.buf = Buffer.allocUnsafe(chunkSize + (64 << 10));
  }

  row(cells: readonly Cell[]): void {
    if (this.pos >= this.chunkSize) this.end();
    for (let i = 0; i < cells.length; i++) {
      if (i) this.buf[this.pos++] = 44;
      const v = cells[i];
      if (v === null) continue;
      if (typeof v === 'number') {
        if (v === v) this.put(String(v), true);
      } else {
        this.put(/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v, false);
      }
    }
    this.buf[this.pos++] = 10;
  }

  private put(s: string, ascii: boolean): void {
    const room = this.buf.length - this.pos - 1;
    if (ascii && s.length <= 32 && s.length <= room) {
      // numbers: a byte loop beats Buffer#write's call overhead for short strings
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
      this.pos = p;
      return;
    }
    const need = ascii ? s.length : Buffer.byteLength(s);
    if (need > room) {
      // a very long cell: grow the buffer for this row
      const bigger = Buffer.allocUnsafe(this.pos + need + (64 << 10));
      this.buf.copy(bigger, 0, 0, this.pos);
      this.buf = bigger;
    }
    this.pos += this.buf.write(s, this.pos, ascii ? 'latin1' : 'utf8');
  }

  end(): void {
    if (this.pos > 0) this.flush(Buffer.from(this.buf.subarray(0, this.pos)));
    this.pos = 0;
  }
}
