/** The row interface every method runner reads through, so CSV bytes and JSON rows share one engine. */
export type Cell = string | number | null;

export interface RowCursor {
  readonly header: readonly string[];
  /** Number in column i; NaN for an empty or NA cell; throws StatsInputError for anything non-numeric. */
  num(i: number): number;
  /** Number in column i, or NaN (no error) when the cell is empty or not numeric. */
  tryNum(i: number): number;
  /** Text of column i ('' when empty). */
  text(i: number): string;
  /** A key naming the group of this row (columns cols); equal groups give equal strings. */
  groupKey(cols: readonly number[]): string;
}

/** Strict number parsing for text cells: '' and NA are NaN; anything else must be a finite decimal. */
export function parseNumberCell(s: string): number | undefined {
  const t = s.trim();
  if (t === '' || t === 'NA') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}
