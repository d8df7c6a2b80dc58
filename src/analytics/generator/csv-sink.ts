/**
 * A buffered CSV file writer: each row is encoded straight into a 1 MB buffer (no intermediate joined
 * strings, so little garbage), flushed with a synchronous write when full (bounded memory, no
 * back-pressure bookkeeping) and hashed with SHA-256 on the way out.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';

export interface SinkSummary { file: string; rows: number; bytes: number; sha256: string }

const BUFFER_BYTES = 1 << 20;

export class CsvSink {
  private fd: number;
  private buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private off = 0;
  private hash: Hash = createHash('sha256');
  rows = 0;
  bytes = 0;

  constructor(readonly file: string, header: string) {
    this.fd = openSync(file, 'w');
    this.append(header);
  }

  /** Appends one row (without the newline). */
  row(line: string): void {
    this.rows++;
    this.append(line);
  }

  private append(line: string): void {
    if (this.off + line.length * 3 + 1 > BUFFER_BYTES) {
      this.flush();
      if (line.length * 3 + 1 > BUFFER_BYTES) {
        const big = Buffer.from(line + '\n', 'utf8');
        this.writeOut(big);
        return;
      }
    }
    this.off += this.buf.write(line, this.off, 'utf8');
    this.buf[this.off++] = 10;
  }

  private writeOut(b: Buffer): void {
    this.hash.update(b);
    this.bytes += b.length;
    let o = 0;
    while (o < b.length) o += writeSync(this.fd, b, o);
  }

  flush(): void {
    if (this.off === 0) return;
    this.writeOut(this.buf.subarray(0, this.off));
    this.off = 0;
  }

  close(): SinkSummary {
    this.flush();
    closeSync(this.fd);
    return { file: this.file, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}
