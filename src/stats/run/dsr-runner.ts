/** Runner for the directly standardised rate (section 4), built for 10M-row streams: one small accumulator per group. */
import { StatsInputError, ciColumns, parseLevelsOneOrPair } from '../confidence.ts';
import { NonIndependentDsr, dsrFromSums, type DsrResult, type DsrSums } from '../dsr.ts';
import { ESP2013, ESP2013_BANDS, esp2013BandIndex } from '../esp2013.ts';
import type { RowCursor } from './cursor.ts';
import { ColumnResolver } from './columns.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { nonNegative, numOrNull, positive, type Emit, type MethodRunner } from './runner.ts';

interface IndependentAcc extends DsrSums { bands: number }
const ALL_BANDS = (1 << ESP2013.length) - 1;

export function dsrRunner(header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const cols = new ColumnResolver(header, o);
  const xi = cols.required('count');
  const ni = cols.required('pop');
  const standard = o.standard === 'esp2013';
  if (o.standard !== undefined && !standard) throw new StatsInputError('standard', `unknown standard population "${o.standard}" (use esp2013)`);
  const wi = standard ? -1 : cols.required('stdpop');
  const ai = standard || o.nonIndependent ? cols.required('ageband') : -1;
  const fi = o.nonIndependent ? cols.required('eventfreq') : -1;
  const groupCols = cols.groupColumns();
  const levels = parseLevelsOneOrPair(o.confidence ?? [95]);
  const m = o.multiplier ?? 100000;
  const columns = [...groupCols.map((i) => header[i]), 'total_count', 'total_pop', 'value', ...ciColumns(levels), 'note'];
  const out = (values: string[], r: DsrResult) =>
    emit([...values, r.totalCount, r.totalPop, numOrNull(r.value), ...r.limits.map(numOrNull), r.note]);

  const bandOf = (row: RowCursor): number => {
    const k = row.tryNum(ai);
    const b = Number.isInteger(k) && k >= 1 && k <= 19 ? k - 1 : esp2013BandIndex(row.text(ai));
    if (b < 0) throw new StatsInputError(header[ai], `"${row.text(ai)}" is not an ESP2013 age band (0-4 … 90+ or 1 … 19)`);
    return b;
  };
  const weight = (row: RowCursor): { w: number; band: number } => {
    if (!standard) return { w: nonNegative(row, wi, false), band: -1 };
    const band = bandOf(row);
    return { w: ESP2013[band], band };
  };

  if (o.nonIndependent) {
    const groups = new Groups(groupCols, () => new NonIndependentDsr());
    return {
      columns,
      add(row) {
        const f = nonNegative(row, fi, false);
        const x = nonNegative(row, xi, true);
        const n = positive(row, ni, false);
        const { w, band } = weight(row);
        const label = band >= 0 ? ESP2013_BANDS[band] : row.text(ai);
        const problem = groups.get(row).acc.add(label, f, x, n, w);
        if (problem) throw new StatsInputError(header[ai], problem);
      },
      finish() {
        for (const g of groups.map.values()) out(g.values, dsrFromSums(g.acc.sums(), levels, m));
      },
    };
  }

  const groups = new Groups<IndependentAcc>(groupCols, () => ({ count: 0, pop: 0, stdpop: 0, weighted: 0, variance: 0, bands: 0 }));
  return {
    columns,
    add(row) {
      const x0 = row.num(xi);
      const n = row.num(ni);
      let w: number;
      const s = groups.get(row).acc;
      if (standard) {
        const band = bandOf(row);
        const bit = 1 << band;
        if (s.bands & bit) throw new StatsInputError(header[ai], `duplicate age band ${ESP2013_BANDS[band]} in the group`);
        s.bands |= bit;
        w = ESP2013[band];
      } else {
        w = row.num(wi);
        if (!(w >= 0)) nonNegative(row, wi, false);
      }
      if (x0 < 0) nonNegative(row, xi, true);
      if (!(n > 0)) positive(row, ni, false);
      const x = x0 === x0 ? x0 : 0;
      const r = w / n;
      s.count += x;
      s.pop += n;
      s.stdpop += w;
      s.weighted += x * r;
      s.variance += x * r * r;
    },
    finish() {
      for (const g of groups.map.values()) {
        if (standard && g.acc.bands !== ALL_BANDS) {
          const missing = ESP2013_BANDS.filter((_, i) => !(g.acc.bands & (1 << i)));
          const name = g.values.length ? `group ${g.values.join(', ')}` : 'the input';
          throw new StatsInputError(header[ai], `${name} is missing age bands ${missing.join(', ')}`);
        }
      }
      for (const g of groups.map.values()) out(g.values, dsrFromSums(g.acc, levels, m));
    },
  };
}
