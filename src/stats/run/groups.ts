/** Per-group accumulators in first-seen order; consecutive rows of one group skip the map look-up. */
import type { RowCursor } from './cursor.ts';

export interface Group<A> { values: string[]; acc: A }

export class Groups<A> {
  readonly map = new Map<string, Group<A>>();
  private lastKey: string | null = null;
  private last: Group<A> | null = null;

  constructor(private readonly cols: readonly number[], private readonly make: () => A) {}

  get(row: RowCursor): Group<A> {
    const key = this.cols.length === 0 ? '' : row.groupKey(this.cols);
    if (key === this.lastKey && this.last) return this.last;
    let g = this.map.get(key);
    if (!g) {
      g = { values: this.cols.map((c) => row.text(c)), acc: this.make() };
      this.map.set(key, g);
    }
    this.lastKey = key;
    this.last = g;
    return g;
  }
}
