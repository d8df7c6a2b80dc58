// Spine chart (every indicator of an area against the distribution of PCTs and the benchmark) and the
// heatmap (areas × indicators, coloured by comparison with England).
import type { Profile } from '../../outcomes/profile-service.ts';
import type { HeatmapView } from '../../outcomes/heatmap-service.ts';
import { outcomeScale, outcomeStyle, TREND_LABELS } from './colours.ts';
import { frame, round, slug, WIDTH, type ChartBundle } from './frame.ts';

export const SOURCE = 'wcc indicator engine (HES, ONS deaths and population)';

/** Position of v on a Fingertips-style spine: benchmark at 0.5, best to the right, furthest of worst/best at the edge. */
export function spinePosition(v: number | null, benchmark: number, worst: number, best: number): number | null {
  if (v === null) return null;
  const reach = Math.max(Math.abs(worst - benchmark), Math.abs(best - benchmark));
  if (reach === 0) return 0.5;
  const sign = best >= worst ? 1 : -1;
  return 0.5 + (0.5 * sign * (v - benchmark)) / reach;
}

export function spineChart(p: Profile): ChartBundle {
  const rows = p.rows.filter((r) => r.spine && r.benchmarkValue !== null);
  const data = rows.map((r) => {
    const s = r.spine!, b = r.benchmarkValue!;
    const pos = (v: number | null) => spinePosition(v, b, s.worst, s.best);
    return {
      indicator: r.title, worst: pos(s.worst), q25: pos(s.q25), q75: pos(s.q75), best: pos(s.best), benchmark: 0.5, area: pos(r.value),
      outcome: outcomeStyle(r.comparison).label, value: round(r.value, 1), benchmarkValue: round(b, 1),
      redRed: r.redRed ? 'Worse and getting worse' : '',
    };
  });
  const title = `${p.area.name}: all indicators against ${p.benchmark.label}`;
  const y = { field: 'indicator', type: 'nominal', sort: null, axis: { title: null, labelLimit: 0 } };
  const spec = {
    ...frame({ title, period: p.period ?? '', benchmark: p.benchmark.label, confidence: '95% and 99.8%', source: SOURCE },
      `Spine chart of ${rows.length} indicators for ${p.area.name}: each area value is placed between the worst and best PCT, the benchmark in the centre.`),
    width: WIDTH - 300, height: Math.max(60, rows.length * 22),
    data: { values: data },
    encoding: { y },
    layer: [
      { mark: { type: 'bar', color: '#d8dde0', height: 14 }, encoding: { x: { field: 'worst', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'Worst (left) … benchmark (centre) … best (right)', labels: false, ticks: false, grid: false } }, x2: { field: 'best' } } },
      { mark: { type: 'bar', color: '#aeb7bd', height: 14 }, encoding: { x: { field: 'q25', type: 'quantitative' }, x2: { field: 'q75' } } },
      { mark: { type: 'tick', color: '#212b32', thickness: 2, size: 20 }, encoding: { x: { field: 'benchmark', type: 'quantitative' } } },
      {
        mark: { type: 'point', filled: true, size: 110, stroke: '#212b32', strokeWidth: 1 },
        encoding: {
          x: { field: 'area', type: 'quantitative' },
          color: { field: 'outcome', type: 'nominal', title: `Compared with ${p.benchmark.label}`, scale: outcomeScale(rows.map((r) => r.comparison)) },
          shape: { field: 'redRed', type: 'nominal', title: 'Trend flag', scale: { domain: ['', 'Worse and getting worse'], range: ['circle', 'diamond'] } },
          tooltip: [{ field: 'indicator' }, { field: 'value' }, { field: 'benchmarkValue' }, { field: 'outcome' }],
        },
      },
    ],
  };
  return {
    kind: 'spine', title, fileName: `${slug(p.area.code)}-spine-${p.period}`,
    description: String(spec.description), spec,
    table: {
      caption: `${title}, ${p.period}`,
      columns: [
        { key: 'indicator', label: 'Indicator' }, { key: 'value', label: 'Value', numeric: true }, { key: 'lower95', label: 'Lower 95% CI', numeric: true },
        { key: 'upper95', label: 'Upper 95% CI', numeric: true }, { key: 'benchmark', label: `${p.benchmark.label}`, numeric: true },
        { key: 'outcome', label: 'Compared with benchmark' }, { key: 'trend', label: 'Recent trend' },
        { key: 'worst', label: 'Worst PCT', numeric: true }, { key: 'q25', label: '25th percentile', numeric: true }, { key: 'q75', label: '75th percentile', numeric: true },
        { key: 'best', label: 'Best PCT', numeric: true },
      ],
      rows: p.rows.map((r) => ({
        indicator: r.title, value: round(r.value, 2), lower95: round(r.lower95, 2), upper95: round(r.upper95, 2), benchmark: round(r.benchmarkValue, 2),
        outcome: outcomeStyle(r.comparison).label, trend: TREND_LABELS[r.trend] ?? r.trend, worst: round(r.spine?.worst, 2), q25: round(r.spine?.q25, 2),
        q75: round(r.spine?.q75, 2), best: round(r.spine?.best, 2),
      })),
    },
  };
}

export function heatmapChart(h: HeatmapView): ChartBundle {
  // Column labels are shortened here: without a canvas Vega over-estimates rotated text and pads the chart.
  const short = (t: string) => (t.length > 34 ? `${t.slice(0, 33)}…` : t);
  const titles = new Map(h.indicators.map((i) => [i.id, short(i.title)]));
  const data = h.cells.map((c) => ({ area: `${c.areaName} (${c.areaCode})`, indicator: titles.get(c.indicatorId) ?? c.indicatorId, outcome: outcomeStyle(c.comparison).label, value: round(c.value, 1) }));
  const title = `${h.area.type === 'england' ? 'All PCTs' : `PCTs in ${h.area.name}`} compared with England`;
  const spec = {
    ...frame({ title, period: h.period, benchmark: 'England', confidence: '95% and 99.8%', source: SOURCE },
      `Heatmap of ${h.areas.length} PCTs by ${h.indicators.length} indicators, each cell coloured by its comparison with England.`),
    width: Math.max(300, h.indicators.length * 16), height: h.areas.length * 12,
    data: { values: data },
    mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'indicator', type: 'nominal', sort: h.indicators.map((i) => short(i.title)), axis: { title: null, labelAngle: -50, labelLimit: 0, orient: 'top' } },
      y: { field: 'area', type: 'nominal', sort: null, axis: { title: null, labelFontSize: 9, labelLimit: 0 } },
      color: { field: 'outcome', type: 'nominal', title: 'Compared with England', scale: outcomeScale(h.cells.map((c) => c.comparison)) },
      tooltip: [{ field: 'area' }, { field: 'indicator' }, { field: 'value' }, { field: 'outcome' }],
    },
  };
  return {
    kind: 'heatmap', title, fileName: `${slug(h.area.code)}-heatmap-${h.period}`, description: String(spec.description), spec,
    table: {
      caption: `${title}, ${h.period}`,
      columns: [{ key: 'area', label: 'Area' }, { key: 'indicator', label: 'Indicator' }, { key: 'value', label: 'Value', numeric: true }, { key: 'outcome', label: 'Compared with England' }],
      rows: data,
    },
  };
}

export function pyramidChart(p: import('../../outcomes/pyramid-service.ts').PyramidView): ChartBundle {
  const data = p.bands.map((b) => ({
    band: b.band, lower: b.ageLower, sex: b.sex === 'M' ? 'Males' : 'Females', share: round(100 * (b.sex === 'M' ? -b.share : b.share), 2),
    england: b.englandShare === null ? null : round(100 * (b.sex === 'M' ? -b.englandShare : b.englandShare), 2), population: Math.round(b.population),
  }));
  const bands = [...new Set(p.bands.sort((a, b) => b.ageLower - a.ageLower).map((b) => b.band))];
  const title = `Population of ${p.area.name} by age and sex`;
  const y = { field: 'band', type: 'ordinal', sort: bands, axis: { title: 'Age' } };
  const spec = {
    ...frame({ title, period: `mid-${p.year}`, benchmark: 'England (black outline)', source: 'ONS mid-year estimates / warehouse population' },
      `Population pyramid of ${p.area.name}, ${Math.round(p.total).toLocaleString('en-GB')} people: percentage in each five-year age band, males left and females right, England outlined.`),
    width: WIDTH - 200, height: Math.max(120, bands.length * 16),
    data: { values: data },
    layer: [
      { mark: { type: 'bar', height: 12 }, encoding: { y, x: { field: 'share', type: 'quantitative', title: '% of population (males left, females right)', axis: { labelExpr: "abs(datum.value) + '%'" } }, color: { field: 'sex', type: 'nominal', title: null, scale: { domain: ['Males', 'Females'], range: ['#005eb8', '#00a499'] } } } },
      { mark: { type: 'tick', color: '#212b32', thickness: 2, height: 12 }, encoding: { y, x: { field: 'england', type: 'quantitative' } } },
    ],
  };
  return {
    kind: 'pyramid', title, fileName: `${slug(p.area.code)}-pyramid-${p.year}`, description: String(spec.description), spec,
    table: {
      caption: `${title}, mid-${p.year}`,
      columns: [{ key: 'band', label: 'Age band' }, { key: 'sex', label: 'Sex' }, { key: 'population', label: 'Population', numeric: true }, { key: 'share', label: '% of population', numeric: true }, { key: 'england', label: '% in England', numeric: true }],
      rows: data.map((d) => ({ ...d, share: Math.abs(d.share ?? 0), england: d.england === null ? null : Math.abs(d.england) })),
    },
  };
}
