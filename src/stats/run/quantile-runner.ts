/** Runner for quantile assignment (section 8): holds each group's values, outputs every input row plus quantile. */
import { StatsInputError } from '../confidence.ts';
import { assignQuantiles } from '../quantile.ts';
import { ColumnResolver } from './columns.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { numOrNull, type Emit, type MethodRunner } from './runner.ts';

const TRUTHY = new Set(['TRUE', 'true', 'T', '1', 'yes']);
const FALSY = new Set(['FALSE', 'false', 'F', '0', 'no']);

export function quantileRunner(header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const vi = cols.required('value');
  const groupCols = cols.groupColumns();
  const nq = o.quantiles ?? 10;
  if (!Number.isInteger(nq) || nq < 1) throw new StatsInputError('quantiles', `--quantiles must be a whole number ≥ 1, got ${nq}`);
  const invertCol = typeof o.invert === 'string' ? header.indexOf(o.invert) : -1;
  if (typeof o.invert === 'string' && invertCol < 0) throw new StatsInputError(o.invert, `unknown column "${o.invert}" in --invert`);
  const groups = new Groups(groupCols, () => ({ values: [] as number[], invert: null as boolean | null, q: [] as number[], note: '' }));
  type Acc = ReturnType<typeof groups.get>['acc'];
  // rows are written back in input order, as R's mutate keeps them
  const rows: { cells: string[]; acc: Acc; k: number }[] = [];
  return {
    columns: [...header, 'quantile', 'note'],
    add(row) {
      const g = groups.get(row).acc;
      rows.push({ cells: header.map((_, i) => row.text(i)), acc: g, k: g.values.length });
      g.values.push(row.num(vi));
      if (invertCol >= 0) {
        const t = row.text(invertCol).trim();
        const inv = TRUTHY.has(t) ? true : FALSY.has(t) ? false : null;
        if (inv === null) throw new StatsInputError(header[invertCol], `"${t}" is not TRUE or FALSE`);
        if (g.invert !== null && g.invert !== inv) throw new StatsInputError(header[invertCol], 'invert must be the same for every row of a group');
        g.invert = inv;
      }
    },
    finish() {
      for (const { acc } of groups.map.values()) {
        const invert = invertCol >= 0 ? acc.invert ?? true : o.invert !== false;
        acc.q = assignQuantiles(acc.values, nq, invert);
        const present = acc.values.filter((v) => !Number.isNaN(v)).length;
        acc.note = present < nq ? `fewer than ${nq} values in the group` : 'value missing';
      }
      for (const r of rows) {
        const q = r.acc.q[r.k];
        emit([...r.cells, numOrNull(q), Number.isNaN(q) ? r.acc.note : '']);
      }
    },
  };
}
