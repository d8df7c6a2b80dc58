/** Runners for proportion (section 1), crude rate (2) and mean (3). */
import { StatsInputError, ciColumns, parseLevelsOneOrPair } from '../confidence.ts';
import { crudeRate, proportion, type Estimate } from '../proportion.ts';
import { MeanAccumulator } from '../mean.ts';
import type { RowCursor } from './cursor.ts';
import { ColumnResolver } from './columns.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { nonNegative, numOrNull, positive, type Emit, type MethodRunner } from './runner.ts';

/** Proportion or rate: per row without --group-by (input columns kept), else x and n summed per group. */
export function countRatioRunner(kind: 'proportion' | 'rate', header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const xi = cols.required('x');
  const ni = cols.required('n');
  const groupCols = cols.groupColumns();
  const levels = parseLevelsOneOrPair(o.confidence ?? [95]);
  const m = o.multiplier ?? (kind === 'proportion' ? 1 : 100000);
  const estimate = (x: number, n: number): Estimate => (kind === 'proportion' ? proportion(x, n, levels, m) : crudeRate(x, n, levels, m));
  const results = ['value', ...ciColumns(levels), 'note'];
  const note = (e: Estimate) => (Number.isNaN(e.value) ? 'x or n is missing' : '');
  const read = (row: RowCursor): [number, number] => {
    const x = nonNegative(row, xi, true);
    const n = positive(row, ni, true);
    if (kind === 'proportion' && x > n) throw new StatsInputError(header[xi], `numerator ${x} is greater than denominator ${n}`);
    return [x, n];
  };
  if (groupCols.length === 0) {
    return {
      columns: [...header, ...results],
      add(row) {
        const [x, n] = read(row);
        const e = estimate(x, n);
        emit([...header.map((_, i) => row.text(i)), numOrNull(e.value), ...e.limits.map(numOrNull), note(e)]);
      },
      finish() {},
    };
  }
  const groups = new Groups(groupCols, () => ({ x: 0, n: 0 }));
  return {
    columns: [...groupCols.map((i) => header[i]), 'x', 'n', ...results],
    add(row) {
      const [x, n] = read(row);
      const g = groups.get(row).acc;
      g.x += x;
      g.n += n;
    },
    finish() {
      for (const g of groups.map.values()) {
        const e = estimate(g.acc.x, g.acc.n);
        emit([...g.values, numOrNull(g.acc.x), numOrNull(g.acc.n), numOrNull(e.value), ...e.limits.map(numOrNull), note(e)]);
      }
    },
  };
}

/** Mean with Student's t limits per group (the whole file when ungrouped). */
export function meanRunner(header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const xi = cols.required('x');
  const groupCols = cols.groupColumns();
  const levels = parseLevelsOneOrPair(o.confidence ?? [95]);
  const groups = new Groups(groupCols, () => new MeanAccumulator());
  return {
    columns: [...groupCols.map((i) => header[i]), 'value_sum', 'value_count', 'stdev', 'value', ...ciColumns(levels), 'note'],
    add(row) { groups.get(row).acc.add(row.num(xi)); },
    finish() {
      for (const g of groups.map.values()) {
        const r = g.acc.result(levels);
        const note = g.acc.hasNA ? 'missing values in the group' : r.valueCount < 2 ? 'fewer than 2 values' : '';
        emit([...g.values, numOrNull(r.valueSum), r.valueCount, numOrNull(r.stdev), numOrNull(r.value), ...r.limits.map(numOrNull), note]);
      }
    },
  };
}
