/** Runs a method over in-memory JSON rows (the API path): same runners as the CLI. */
import { StatsInputError } from '../confidence.ts';
import { loadRunner } from './create-runner.ts';
import { parseNumberCell, type Cell, type RowCursor } from './cursor.ts';
import type { StatsMethod, StatsOptions } from './options.ts';

export type JsonValue = string | number | boolean | null;

class ObjectRowCursor implements RowCursor {
  row: Record<string, JsonValue> = {};
  constructor(readonly header: string[]) {}
  private cell(i: number): JsonValue | undefined { return this.row[this.header[i]]; }
  tryNum(i: number): number {
    const v = this.cell(i);
    if (typeof v === 'number') return v;
    if (typeof v === 'string') return parseNumberCell(v) ?? NaN;
    return NaN;
  }
  num(i: number): number {
    const v = this.cell(i);
    if (v === null || v === undefined) return NaN;
    if (typeof v === 'number') return v;
    const n = typeof v === 'string' ? parseNumberCell(v) : undefined;
    if (n === undefined) throw new StatsInputError(this.header[i], `${JSON.stringify(v)} is not a number`);
    return n;
  }
  text(i: number): string {
    const v = this.cell(i);
    return v === null || v === undefined ? '' : String(v);
  }
  groupKey(cols: readonly number[]): string { return cols.map((c) => this.text(c)).join('\u0000'); }
}

export async function runStatsOnRows(method: StatsMethod, rows: readonly Record<string, JsonValue>[], options: StatsOptions): Promise<{ columns: string[]; rows: Cell[][] }> {
  const header: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); header.push(k); }
  const out: Cell[][] = [];
  const runner = (await loadRunner(method))(header, options, (cells) => out.push(cells));
  const cursor = new ObjectRowCursor(header);
  rows.forEach((r, i) => {
    cursor.row = r;
    try {
      runner.add(cursor);
    } catch (e) {
      if (e instanceof StatsInputError && e.row === null) throw new StatsInputError(e.column, e.reason, i + 1, e.source);
      throw e;
    }
  });
  runner.finish();
  return { columns: runner.columns, rows: out };
}
