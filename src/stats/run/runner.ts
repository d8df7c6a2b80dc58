/** Shared types and checks for the method runners. */
import { StatsInputError } from '../confidence.ts';
import type { Cell, RowCursor } from './cursor.ts';

export type Emit = (cells: Cell[]) => void;

export interface MethodRunner {
  /** Output column names, in order. */
  readonly columns: string[];
  /** Reads one input row; throws StatsInputError (without the row number — the driver adds it). */
  add(row: RowCursor): void;
  /** Emits what is left once every row has been read. */
  finish(): void;
}

/** A cell that must be a number ≥ 0 (NA allowed when allowNA). */
export function nonNegative(row: RowCursor, i: number, allowNA: boolean): number {
  const v = row.num(i);
  if (Number.isNaN(v)) {
    if (allowNA) return v;
    throw new StatsInputError(row.header[i], 'missing value');
  }
  if (v < 0) throw new StatsInputError(row.header[i], `negative value ${v}`);
  return v;
}

/** A cell that must be a number > 0 (NA allowed when allowNA). */
export function positive(row: RowCursor, i: number, allowNA: boolean): number {
  const v = row.num(i);
  if (Number.isNaN(v)) {
    if (allowNA) return v;
    throw new StatsInputError(row.header[i], 'missing value');
  }
  if (!(v > 0)) throw new StatsInputError(row.header[i], `must be greater than 0, got ${v}`);
  return v;
}

export const numOrNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
