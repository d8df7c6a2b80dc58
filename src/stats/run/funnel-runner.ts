/** Runners for funnel limits (section 10), significance (11) and points (12). */
import { StatsInputError } from '../confidence.ts';
import { funnelLimits, funnelPoint, funnelSignificance, type FunnelOptions, type FunnelRow } from '../funnel.ts';
import { ColumnResolver } from './columns.ts';
import { Groups } from './groups.ts';
import type { StatsOptions } from './options.ts';
import { nonNegative, numOrNull, type Emit, type MethodRunner } from './runner.ts';

type FunnelMethod = 'funnel-limits' | 'funnel-significance' | 'funnel-points';

export function funnelRunner(method: FunnelMethod, header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const statistic = method === 'funnel-points' ? 'rate' : o.statistic;
  if (!statistic) throw new StatsInputError('statistic', '--statistic proportion|ratio|rate is required');
  const fo: FunnelOptions = {
    statistic, ratioType: o.ratioType ?? 'count', rateType: o.rateType ?? 'dsr',
    multiplier: o.multiplier ?? (statistic === 'proportion' ? 1 : statistic === 'rate' ? 100000 : 1), years: o.years ?? 1,
  };
  if (statistic === 'rate' && !o.rateType) throw new StatsInputError('rate-type', '--rate-type dsr|crude is required for rates');
  if (statistic === 'ratio' && !o.ratioType) throw new StatsInputError('ratio-type', '--ratio-type count|isr is required for ratios');
  const cols = new ColumnResolver(header, o);
  const ni = cols.required('numerator');
  const needsDen = statistic !== 'rate' || fo.rateType === 'crude';
  const di = needsDen ? cols.required('denominator') : cols.optional('denominator');
  const ri = statistic === 'rate' ? cols.required('rate') : -1;
  const groupCols = cols.groupColumns();
  const groups = new Groups(groupCols, () => [] as { cells: string[]; row: FunnelRow }[]);
  const rateName = ri >= 0 ? header[ri] : 'rate';
  const xName = statistic === 'proportion' ? ['population'] : statistic === 'ratio' ? ['observed_events'] : ['events', 'population'];
  const columns = method === 'funnel-limits'
    ? [...groupCols.map((i) => header[i]), ...xName, 'lower_2s_limit', 'upper_2s_limit', 'lower_3s_limit', 'upper_3s_limit', 'baseline', 'statistic']
    : method === 'funnel-significance' ? [...header, 'significance'] : [...header, `${rateName}_chart`, 'denominator_derived'];
  return {
    columns,
    add(row) {
      const numerator = nonNegative(row, ni, true);
      const denominator = di >= 0 ? nonNegative(row, di, true) : NaN;
      const rate = ri >= 0 ? nonNegative(row, ri, true) : NaN;
      if (statistic === 'proportion' && numerator > denominator) throw new StatsInputError(header[ni], `numerator ${numerator} is greater than denominator ${denominator}`);
      groups.get(row).acc.push({ cells: method === 'funnel-limits' ? [] : header.map((_, i) => row.text(i)), row: { numerator, denominator, rate } });
    },
    finish() {
      for (const g of groups.map.values()) {
        const rows = g.acc.map((r) => r.row);
        if (method === 'funnel-limits') {
          const label = statistic === 'ratio' ? `ratio (${fo.ratioType})` : statistic === 'rate' ? `rate (${fo.rateType}) per ${fo.multiplier}` : `proportion × ${fo.multiplier}`;
          for (const l of funnelLimits(rows, fo)) {
            emit([...g.values, l.x, ...(statistic === 'rate' ? [l.population] : []), numOrNull(l.lower2s), numOrNull(l.upper2s), numOrNull(l.lower3s), numOrNull(l.upper3s), numOrNull(l.baseline), label]);
          }
        } else if (method === 'funnel-significance') {
          const sig = funnelSignificance(rows, fo);
          g.acc.forEach((r, i) => emit([...r.cells, sig[i]]));
        } else {
          for (const r of g.acc) {
            const p = funnelPoint(r.row, fo);
            emit([...r.cells, numOrNull(p.chart), numOrNull(p.denominatorDerived)]);
          }
        }
      }
    },
  };
}
