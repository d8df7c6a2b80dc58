/**
 * Streaming byte-level CSV reader: splits buffers into rows and fields without allocating per row,
 * parses numbers straight from the bytes and exposes each row through the RowCursor interface.
 */
import { StatsInputError } from '../confidence.ts';
import { parseNumberCell, type RowCursor } from '../run/cursor.ts';

const COMMA = 44, LF = 10, CR = 13, QUOTE = 34, MINUS = 45, PLUS = 43, DOT = 46, ZERO = 48, NINE = 57;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

export class CsvByteCursor implements RowCursor {
  header: string[] = [];
  buf: Buffer = Buffer.alloc(0);
  /** field start/end offsets into buf; quoted fields have their quotes excluded */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  quoted = new Uint8Array(64);
  count = 0;
  private prevKeyBytes: Buffer = Buffer.alloc(256);
  private prevKeyLen = -1;
  private prevKey = '';

  private fieldText(i: number): string {
    const text = this.buf.toString('utf8', this.starts[i], this.ends[i]);
    return this.quoted[i] ? text.replace(/""/g, '"') : text;
  }

  text(i: number): string {
    if (i >= this.count) return '';
    return this.fieldText(i);
  }

  tryNum(i: number): number {
    if (i >= this.count) return NaN;
    const buf = this.buf;
    let p = this.starts[i];
    const end = this.ends[i];
    if (p === end || this.quoted[i]) {
      if (p === end) return NaN;
      return parseNumberCell(this.fieldText(i)) ?? NaN;
    }
    let neg = false;
    const c0 = buf[p];
    if (c0 === MINUS) { neg = true; p++; } else if (c0 === PLUS) p++;
    let mant = 0, digits = 0, frac = 0, seenDot = false, any = false;
    for (; p < end; p++) {
      const c = buf[p];
      if (c >= ZERO && c <= NINE) {
        any = true;
        if (mant === 0 && c === ZERO && !seenDot) continue;
        mant = mant * 10 + (c - ZERO);
        digits++;
        if (seenDot) frac++;
      } else if (c === DOT && !seenDot) {
        seenDot = true;
      } else {
        return parseNumberCell(this.fieldText(i)) ?? NaN;
      }
    }
    if (!any) return parseNumberCell(this.fieldText(i)) ?? NaN;
    if (digits > 15 || frac > 22) return Number(this.fieldText(i));
    // mantissa < 2^53 and an exact power of ten: one correctly rounded division, as Number() gives
    const v = frac === 0 ? mant : mant / POW10[frac];
    return neg ? -v : v;
  }

  num(i: number): number {
    const v = this.tryNum(i);
    if (v === v) return v;
    const t = this.text(i).trim();
    if (t === '' || t === 'NA') return NaN;
    throw new StatsInputError(this.header[i] ?? `column ${i + 1}`, `"${t}" is not a number`);
  }

  groupKey(cols: readonly number[]): string {
    // the same bytes as the previous row give the same key without building a string
    const buf = this.buf;
    if (cols.length === 1 && cols[0] < this.count) {
      const s = this.starts[cols[0]], e = this.ends[cols[0]];
      if (e - s + 1 === this.prevKeyLen) {
        const prev = this.prevKeyBytes;
        let k = s, p = 0;
        while (k < e && buf[k] === prev[p]) { k++; p++; }
        if (k === e) return this.prevKey;
      }
    }
    let len = 0;
    for (const c of cols) len += (c < this.count ? this.ends[c] - this.starts[c] : 0) + 1;
    if (len === this.prevKeyLen) {
      let p = 0, same = true;
      for (const c of cols) {
        const s = c < this.count ? this.starts[c] : 0, e = c < this.count ? this.ends[c] : 0;
        for (let k = s; k < e; k++) if (buf[k] !== this.prevKeyBytes[p++]) { same = false; break; }
        if (!same) break;
        p++;
      }
      if (same) return this.prevKey;
    }
    if (this.prevKeyBytes.length < len) this.prevKeyBytes = Buffer.alloc(len * 2);
    let p = 0;
    const parts: string[] = [];
    for (const c of cols) {
      const s = c < this.count ? this.starts[c] : 0, e = c < this.count ? this.ends[c] : 0;
      buf.copy(this.prevKeyBytes, p, s, e);
      p += e - s;
      this.prevKeyBytes[p++] = 0;
      parts.push(this.text(c));
    }
    this.prevKeyLen = len;
    this.prevKey = parts.join('\u0000');
    return this.prevKey;
  }

  /**
   * Splits one row starting at `pos`. Returns the position after the row's line ending, or -1 when
   * the row is not complete within buf (more bytes needed) and `final` is false.
   */
  splitRow(pos: number, final: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    let n = 0;
    let p = pos;
    for (;;) {
      if (n === this.starts.length) this.grow();
      if (p < len && buf[p] === QUOTE) {
        let q = p + 1;
        for (;;) {
          q = buf.indexOf(QUOTE, q);
          if (q < 0) return final ? this.fail('unterminated quoted field') : -1;
          if (buf[q + 1] === QUOTE) { q += 2; continue; }
          break;
        }
        if (q + 1 >= len && !final) return -1;
        this.starts[n] = p + 1; this.ends[n] = q; this.quoted[n] = 1; n++;
        p = q + 1;
      } else {
        const s = p;
        while (p < len) {
          const c = buf[p];
          if (c === COMMA || c === LF || c === CR) break;
          p++;
        }
        if (p >= len && !final) return -1;
        this.starts[n] = s; this.ends[n] = p; this.quoted[n] = 0; n++;
      }
      if (p >= len) { this.count = n; return len; }
      const c = buf[p];
      if (c === COMMA) { p++; continue; }
      if (c === CR) { if (p + 1 >= len && !final) return -1; p++; if (buf[p] === LF) p++; }
      else if (c === LF) p++;
      else return this.fail('unexpected character after a quoted field');
      this.count = n;
      return p;
    }
  }

  private fail(reason: string): never {
    throw new StatsInputError(null, reason);
  }

  private grow(): void {
    const k = this.starts.length * 2;
    const s = new Int32Array(k); s.set(this.starts); this.starts = s;
    const e = new Int32Array(k); e.set(this.ends); this.ends = e;
    const q = new Uint8Array(k); q.set(this.quoted); this.quoted = q;
  }
}
