/** Runner for the slope and relative index of inequality (section 9): one row per quantile per group. */
import { StatsInputError, ciColumns, parseLevels } from '../confidence.ts';
import { slopeIndex, type SiiQuantile } from '../sii.ts';
import { ColumnResolver } from './columns.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { nonNegative, numOrNull, positive, type Emit, type MethodRunner } from './runner.ts';

export function siiRunner(header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const qi = cols.required('quantile');
  const pi = cols.required('population');
  const vi = cols.optional('value');
  const xi = vi < 0 ? cols.required('x') : -1;
  const sei = cols.optional('se');
  const li = sei < 0 ? cols.required('lower_cl') : -1;
  const ui = sei < 0 ? cols.required('upper_cl') : -1;
  const groupCols = cols.groupColumns();
  const levels = parseLevels(o.confidence ?? [95]);
  const reps = o.repetitions ?? 100000;
  if (!Number.isInteger(reps) || reps < 10) throw new StatsInputError('repetitions', '--repetitions must be a whole number ≥ 10');
  const groups = new Groups<SiiQuantile[]>(groupCols, () => []);
  const ci = ciColumns(levels, true);
  const columns = [...groupCols.map((i) => header[i]), 'sii', ...ci.map((c) => `sii_${c}`)];
  if (o.rii) columns.push('rii', ...ci.map((c) => `rii_${c}`));
  if (o.intercept) columns.push('intercept');
  columns.push('note');
  return {
    columns,
    add(row) {
      const quantile = positive(row, qi, false);
      const population = nonNegative(row, pi, false);
      const value = vi >= 0 ? row.num(vi) : nonNegative(row, xi, false) / population;
      const list = groups.get(row).acc;
      if (list.some((q) => q.quantile === quantile)) throw new StatsInputError(header[qi], `duplicate quantile ${quantile} in the group`);
      list.push({ quantile, population, value, se: sei >= 0 ? row.num(sei) : NaN, lowerCl: li >= 0 ? row.num(li) : NaN, upperCl: ui >= 0 ? row.num(ui) : NaN });
    },
    finish() {
      for (const g of groups.map.values()) {
        const Q = Math.max(...g.acc.map((q) => q.quantile));
        const complete = Q >= 5 && Q <= 100 && g.acc.length === Q && g.acc.every((q) => Number.isInteger(q.quantile));
        const hasNA = g.acc.some((q) => Number.isNaN(q.value) || (Number.isNaN(q.se) && (Number.isNaN(q.lowerCl) || Number.isNaN(q.upperCl))));
        if (!complete || hasNA) {
          const note = !complete ? 'group dropped: needs every quantile 1…Q with 5 ≤ Q ≤ 100' : 'group dropped: missing values';
          emit([...g.values, null, ...ci.map(() => null), ...(o.rii ? [null, ...ci.map(() => null)] : []), ...(o.intercept ? [null] : []), note]);
          continue;
        }
        const r = slopeIndex(g.acc, { valueType: o.valueType ?? 0, transform: o.transform ?? false, multiplier: o.multiplier ?? 1, repetitions: reps, levels, seed: o.seed ?? 1 });
        emit([...g.values, numOrNull(r.sii), ...r.siiLimits.map(numOrNull), ...(o.rii ? [numOrNull(r.rii), ...r.riiLimits.map(numOrNull)] : []),
          ...(o.intercept ? [numOrNull(r.intercept)] : []), '']);
      }
    },
  };
}
