/** Runner for the indirectly standardised ratio (section 5) and rate (section 6): one row per band. */
import { ciColumns, parseLevelsOneOrPair } from '../confidence.ts';
import { addIsrBand, emptyIsrSums, isRate, isRatio } from '../isr.ts';
import { ColumnResolver } from './columns.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { nonNegative, numOrNull, type Emit, type MethodRunner } from './runner.ts';

export function isrRunner(kind: 'isratio' | 'israte', header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const xi = cols.required('count');
  const ni = cols.required('pop');
  const rxi = cols.required('refcount');
  const rni = cols.required('refpop');
  const groupCols = cols.groupColumns();
  const levels = parseLevelsOneOrPair(o.confidence ?? [95]);
  const groups = new Groups(groupCols, emptyIsrSums);
  const extra = kind === 'israte' ? ['ref_rate'] : [];
  return {
    columns: [...groupCols.map((i) => header[i]), 'observed', 'expected', ...extra, 'value', ...ciColumns(levels), 'note'],
    add(row) {
      addIsrBand(groups.get(row).acc, nonNegative(row, xi, true), nonNegative(row, ni, true), nonNegative(row, rxi, true), nonNegative(row, rni, true));
    },
    finish() {
      for (const g of groups.map.values()) {
        const r = kind === 'israte' ? isRate(g.acc, levels, o.multiplier ?? 100000) : isRatio(g.acc, levels, o.refValue ?? 1);
        const note = r.expected === 0 ? 'expected count is 0' : '';
        emit([...g.values, r.observed, r.expected, ...(kind === 'israte' ? [numOrNull(r.refRate)] : []),
          numOrNull(r.value), ...r.limits.map((v) => (Number.isFinite(v) ? v : null)), note]);
      }
    },
  };
}
