/** Runner for life expectancy (section 7): rows are (group…, startage, deaths, pops), 20 per group. */
import { StatsInputError, ciColumns, parseLevels } from '../confidence.ts';
import { lifeTable, lifeTableProblem, type LifeBand } from '../life-expectancy.ts';
import { ColumnResolver } from './columns.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { numOrNull, type Emit, type MethodRunner } from './runner.ts';

export function lifeExpectancyRunner(header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const si = cols.required('startage');
  const di = cols.required('deaths');
  const pi = cols.required('pops');
  const groupCols = cols.groupColumns();
  const levels = parseLevels(o.confidence ?? [95]);
  const groups = new Groups<LifeBand[]>(groupCols, () => []);
  return {
    columns: [...groupCols.map((i) => header[i]), 'startage', 'value', ...ciColumns(levels, true), 'pops_used', 'dths_used', 'note'],
    add(row) {
      const startAge = row.num(si);
      if (!Number.isInteger(startAge) || startAge < 0) throw new StatsInputError(header[si], `start age must be a whole number ≥ 0, got "${row.text(si)}"`);
      const bands = groups.get(row).acc;
      if (bands.some((b) => b.startAge === startAge)) throw new StatsInputError(header[si], `duplicate age band starting at ${startAge} in the group`);
      bands.push({ startAge, deaths: row.num(di), pops: row.num(pi) });
    },
    finish() {
      const all = [...groups.map.values()];
      for (const g of all) g.acc.sort((a, b) => a.startAge - b.startAge);
      // R reports pops_used/dths_used for invalid groups unless no group at all is valid
      const keepUsed = all.some((g) => lifeTableProblem(g.acc) === '');
      for (const g of all) {
        for (const r of lifeTable(g.acc, levels, keepUsed)) {
          emit([...g.values, r.startAge, numOrNull(r.value), ...r.limits.map(numOrNull), numOrNull(r.popsUsed), numOrNull(r.deathsUsed), r.note]);
        }
      }
    },
  };
}
