/**
 * Runner for the indirectly standardised ratio (section 5) and rate (section 6): one row per band.
 * `observedTotals` (R's observed_totals) gives each group's observed events when the rows carry no
 * age-specific counts: joined on the --group-by columns, its count column replaces Σ count.
 */
import { StatsInputError, ciColumns, parseLevelsOneOrPair } from '../confidence.ts';
import { addIsrBand, emptyIsrSums, isRate, isRatio } from '../isr.ts';
import { ColumnResolver } from './columns.ts';
import { parseNumberCell } from './cursor.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { nonNegative, numOrNull, type Emit, type MethodRunner } from './runner.ts';

const KEY_SEPARATOR = '\u0000';

/** Observed totals by group key (group values joined); rejects missing columns, bad counts and duplicates. */
export function observedTotalsByGroup(rows: NonNullable<StatsOptions['observedTotals']>, groupNames: readonly string[], countName: string): Map<string, number> {
  const totals = new Map<string, number>();
  const fail = (column: string | null, reason: string, row: number) => new StatsInputError(column, reason, row, 'observedTotals');
  rows.forEach((r, i) => {
    for (const name of [...groupNames, countName]) if (!(name in r)) throw fail(name, `column "${name}" not found in the observed totals`, i + 1);
    const v = r[countName];
    const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberCell(v) : v === null ? NaN : undefined;
    if (n === undefined) throw fail(countName, `${JSON.stringify(v)} is not a number`, i + 1);
    if (Number.isNaN(n)) throw fail(countName, 'missing value', i + 1);
    if (n < 0) throw fail(countName, `negative value ${n}`, i + 1);
    const key = groupNames.map((g) => (r[g] === null || r[g] === undefined ? '' : String(r[g]))).join(KEY_SEPARATOR);
    if (totals.has(key)) throw fail(groupNames[0] ?? countName, `duplicate observed total for group ${groupNames.length ? key.split(KEY_SEPARATOR).join(', ') : '(all rows)'}`, i + 1);
    totals.set(key, n);
  });
  return totals;
}

export function isrRunner(kind: 'isratio' | 'israte', header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const groupCols = cols.groupColumns();
  const totals = o.observedTotals ? observedTotalsByGroup(o.observedTotals, groupCols.map((i) => header[i]), o.map?.count ?? 'count') : null;
  const xi = totals ? -1 : cols.required('count');
  const ni = cols.required('pop');
  const rxi = cols.required('refcount');
  const rni = cols.required('refpop');
  const levels = parseLevelsOneOrPair(o.confidence ?? [95]);
  const groups = new Groups(groupCols, emptyIsrSums);
  const extra = kind === 'israte' ? ['ref_rate'] : [];
  return {
    columns: [...groupCols.map((i) => header[i]), 'observed', 'expected', ...extra, 'value', ...ciColumns(levels), 'note'],
    add(row) {
      addIsrBand(groups.get(row).acc, xi < 0 ? NaN : nonNegative(row, xi, true), nonNegative(row, ni, true), nonNegative(row, rxi, true), nonNegative(row, rni, true));
    },
    finish() {
      for (const g of groups.map.values()) {
        const total = totals ? totals.get(g.values.join(KEY_SEPARATOR)) ?? NaN : undefined;
        const r = kind === 'israte' ? isRate(g.acc, levels, o.multiplier ?? 100000, total) : isRatio(g.acc, levels, o.refValue ?? 1, total);
        const note = Number.isNaN(total) ? 'no observed total for this group' : r.expected === 0 ? 'expected count is 0' : '';
        emit([...g.values, numOrNull(r.observed), r.expected, ...(kind === 'israte' ? [numOrNull(r.refRate)] : []),
          numOrNull(r.value), ...r.limits.map((v) => (Number.isFinite(v) ? v : null)), note]);
      }
    },
  };
}
