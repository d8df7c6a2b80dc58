// Compare-areas (values with 95% CIs), funnel plot (95% and 99.8% limits, optionally widened for
// overdispersion), trend with SPC and target, and inequalities by deprivation group.
import type { CompareResult } from '../../outcomes/compare-service.ts';
import type { TrendView } from '../../outcomes/trend-service.ts';
import type { InequalitiesView } from '../../outcomes/inequalities-service.ts';
import { ASSURANCE_LABELS, NHS, outcomeScale, outcomeStyle, SPC_STYLES, TREND_LABELS, VARIATION_LABELS } from './colours.ts';
import { frame, round, slug, WIDTH, type ChartBundle } from './frame.ts';
import { SOURCE } from './profile-charts.ts';

const valueColumns = [
  { key: 'area', label: 'Area' }, { key: 'value', label: 'Value', numeric: true },
  { key: 'lower95', label: 'Lower 95% CI', numeric: true }, { key: 'upper95', label: 'Upper 95% CI', numeric: true },
];

export function compareChart(c: CompareResult): ChartBundle {
  const rows = c.rows.filter((r) => r.value !== null);
  const data = rows.map((r) => ({
    area: `${r.areaName} (${r.areaCode})`, value: round(r.value, 2), lower95: round(r.lower95, 2), upper95: round(r.upper95, 2),
    outcome: outcomeStyle(r.comparedToEngland).label, highlighted: r.highlighted ? 'This area' : 'Other areas',
    denominator: round(r.denominator, 0), numerator: round(r.numerator, 1),
  }));
  const title = `${c.indicator.title}: ${c.groupLabel}`;
  const y = { field: 'area', type: 'nominal', sort: null, axis: { title: null, labelLimit: 0 } };
  const spec = {
    ...frame({ title, period: c.period, benchmark: 'England', confidence: '95% (error bars); colours at 95% and 99.8%', source: SOURCE },
      `Bar chart of ${c.indicator.title} for ${rows.length} areas with 95% confidence intervals and England's value as a line.`),
    width: WIDTH - 300, height: Math.max(60, rows.length * 16),
    data: { values: data },
    layer: [
      {
        mark: { type: 'bar', height: 11 },
        encoding: {
          y, x: { field: 'value', type: 'quantitative', title: c.indicator.unit },
          color: { field: 'outcome', type: 'nominal', title: 'Compared with England', scale: outcomeScale(rows.map((r) => r.comparedToEngland ?? 'not-compared')) },
          stroke: { field: 'highlighted', type: 'nominal', title: null, scale: { domain: ['This area', 'Other areas'], range: [NHS.black, NHS.white] } },
          strokeWidth: { value: 2 },
          tooltip: [{ field: 'area' }, { field: 'value' }, { field: 'lower95' }, { field: 'upper95' }, { field: 'outcome' }],
        },
      },
      { mark: { type: 'rule', color: NHS.black }, encoding: { y, x: { field: 'lower95', type: 'quantitative' }, x2: { field: 'upper95' } } },
      ...(c.englandValue !== null ? [{ data: { values: [{ england: c.englandValue }] }, mark: { type: 'rule', color: NHS.black, strokeDash: [6, 3], strokeWidth: 2 }, encoding: { x: { field: 'england', type: 'quantitative' } } }] : []),
    ],
  };
  return {
    kind: 'compare', title, fileName: `${slug(c.area.code)}-${c.indicator.id}-compare-${c.period}`, description: String(spec.description), spec,
    table: { caption: `${title}, ${c.period} (England ${round(c.englandValue, 2) ?? 'n/a'})`, columns: [...valueColumns, { key: 'numerator', label: 'Numerator', numeric: true }, { key: 'denominator', label: 'Denominator', numeric: true }, { key: 'outcome', label: 'Compared with England' }], rows: data },
  };
}

export function funnelChart(c: CompareResult): ChartBundle | null {
  if (!c.funnel) return null;
  const points = c.rows.filter((r) => r.funnelX !== null && r.value !== null).map((r) => ({
    area: `${r.areaName} (${r.areaCode})`, x: round(r.funnelX, 0), value: round(r.value, 2), significance: r.funnelSignificance ?? '',
    outcome: outcomeStyle(r.comparedToEngland).label, highlighted: r.highlighted ? 'This area' : 'Other areas',
    od95Lower: round(r.od95?.[0], 2), od95Upper: round(r.od95?.[1], 2), od998Lower: round(r.od998?.[0], 2), od998Upper: round(r.od998?.[1], 2),
  }));
  // Draw the limits over the span of the areas' denominators (they run to infinity near zero).
  const xs = points.map((p) => p.x ?? 0);
  const lo = Math.min(...xs) * 0.8, hi = Math.max(...xs) * 1.1;
  const limits = c.funnel.limits.filter((l) => l.x >= lo && l.x <= hi)
    .map((l) => ({ x: l.x, lower95: l.lower2s, upper95: l.upper2s, lower998: l.lower3s, upper998: l.upper3s, baseline: l.baseline }));
  const title = `${c.indicator.title}: funnel plot, ${c.groupLabel}`;
  const line = (field: string, dash: number[], label: string) => ({
    data: { values: limits }, mark: { type: 'line', color: NHS.grey1, strokeDash: dash, strokeWidth: 1.2 },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field, type: 'quantitative' } }, description: label,
  });
  const od = c.overdispersion ? [
    { data: { values: points.filter((p) => p.od998Lower !== null).sort((a, b) => (a.x ?? 0) - (b.x ?? 0)) }, mark: { type: 'line', color: NHS.orange, strokeDash: [2, 2] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'od998Lower', type: 'quantitative' } } },
    { data: { values: points.filter((p) => p.od998Upper !== null).sort((a, b) => (a.x ?? 0) - (b.x ?? 0)) }, mark: { type: 'line', color: NHS.orange, strokeDash: [2, 2] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'od998Upper', type: 'quantitative' } } },
  ] : [];
  const odNote = c.overdispersion ? ` Overdispersion: φ = ${round(c.overdispersion.phi, 2)}, τ² = ${round(c.overdispersion.tau2, 4)} (orange dotted: widened 99.8% limits).` : '';
  const spec = {
    ...frame({ title, period: c.period, benchmark: 'Group average (funnel centre)', confidence: '95% (dashed) and 99.8% (dotted) control limits', source: SOURCE },
      `Funnel plot of ${points.length} areas: value against ${c.funnel.xLabel.toLowerCase()} with 95% and 99.8% control limits.${odNote}`),
    width: WIDTH - 100, height: 320,
    layer: [
      line('lower95', [6, 3], '95% lower'), line('upper95', [6, 3], '95% upper'), line('lower998', [2, 3], '99.8% lower'), line('upper998', [2, 3], '99.8% upper'),
      { data: { values: limits }, mark: { type: 'line', color: NHS.black }, encoding: { x: { field: 'x', type: 'quantitative', title: c.funnel.xLabel, scale: { type: 'linear', zero: false } }, y: { field: 'baseline', type: 'quantitative', title: c.indicator.unit, scale: { zero: false } } } },
      ...od,
      {
        data: { values: points }, mark: { type: 'point', filled: true, size: 60, stroke: NHS.black },
        encoding: {
          x: { field: 'x', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' },
          color: { field: 'outcome', type: 'nominal', title: 'Compared with England', scale: outcomeScale(c.rows.map((r) => r.comparedToEngland ?? 'not-compared')) },
          size: { field: 'highlighted', type: 'ordinal', title: null, sort: ['This area', 'Other areas'], scale: { domain: ['This area', 'Other areas'], range: [220, 50] } },
          tooltip: [{ field: 'area' }, { field: 'value' }, { field: 'x' }, { field: 'significance' }],
        },
      },
    ],
  };
  return {
    kind: 'funnel', title, fileName: `${slug(c.area.code)}-${c.indicator.id}-funnel-${c.period}`, description: String(spec.description), spec,
    table: {
      caption: `${title}, ${c.period}.${odNote}`,
      columns: [{ key: 'area', label: 'Area' }, { key: 'value', label: 'Value', numeric: true }, { key: 'x', label: c.funnel.xLabel, numeric: true }, { key: 'significance', label: 'Against the funnel' },
        ...(c.overdispersion ? [{ key: 'od998Lower', label: 'Widened 99.8% lower', numeric: true }, { key: 'od998Upper', label: 'Widened 99.8% upper', numeric: true }] : [])],
      rows: points,
    },
  };
}

export function trendChart(t: TrendView): ChartBundle {
  const data = t.points.map((p) => ({
    period: p.period, value: round(p.value, 2), lower95: round(p.lower95, 2), upper95: round(p.upper95, 2), england: round(p.englandValue, 2),
    mean: round(p.spcMean, 2), lowerLimit: round(p.spcLower, 2), upperLimit: round(p.spcUpper, 2),
    pointType: SPC_STYLES[p.pointType ?? '']?.label ?? 'No value',
  }));
  const targets = (t.target?.milestones ?? []).map((m) => ({ period: m.period, target: round(m.value, 2) }));
  const periods = [...new Set([...data.map((d) => d.period), ...targets.map((m) => m.period)])].sort();
  const x = { field: 'period', type: 'ordinal', sort: periods, scale: { domain: periods }, axis: { title: 'Period', labelAngle: 0 } };
  const title = `${t.indicator.title}: ${t.area.name}`;
  const present = new Set(t.points.map((p) => p.pointType));
  const spcTypes = Object.entries(SPC_STYLES).filter(([k]) => present.has(k)).map(([, v]) => v);
  const line = (field: string, color: string, dash: number[] = []) => ({ mark: { type: 'line', color, strokeDash: dash }, encoding: { x, y: { field, type: 'quantitative' } } });
  const spec = {
    ...frame({ title, period: `${periods[0] ?? ''} to ${periods.at(-1) ?? ''}`, benchmark: 'England (grey line)', confidence: '95% (error bars); SPC process limits (dashed)', source: SOURCE },
      `Trend of ${t.indicator.title} for ${t.area.name}: recent trend ${(TREND_LABELS[t.trend.marker] ?? t.trend.marker).toLowerCase()}; SPC ${VARIATION_LABELS[t.spc?.variation ?? ''] ?? 'not calculated'}${t.spc?.assurance ? `; target ${ASSURANCE_LABELS[t.spc.assurance].label.toLowerCase()}` : ''}${t.target ? ` (green: ${t.target.cycleYear} trajectory, ${t.target.status})` : ''}.`),
    width: WIDTH - 100, height: 280,
    layer: [
      { data: { values: data }, ...line('england', NHS.grey3) },
      { data: { values: data }, ...line('mean', NHS.grey1) },
      { data: { values: data }, ...line('lowerLimit', NHS.grey2, [6, 3]) },
      { data: { values: data }, ...line('upperLimit', NHS.grey2, [6, 3]) },
      ...(targets.length ? [{ data: { values: targets }, mark: { type: 'line', color: NHS.green, strokeDash: [4, 2], point: true }, encoding: { x, y: { field: 'target', type: 'quantitative' } } }] : []),
      { data: { values: data }, mark: { type: 'rule', color: NHS.black }, encoding: { x, y: { field: 'lower95', type: 'quantitative' }, y2: { field: 'upper95' } } },
      { data: { values: data }, mark: { type: 'line', color: NHS.blue }, encoding: { x, y: { field: 'value', type: 'quantitative', title: t.indicator.unit, scale: { zero: false } } } },
      {
        data: { values: data }, mark: { type: 'point', filled: true, size: 80, stroke: NHS.black },
        encoding: {
          x, y: { field: 'value', type: 'quantitative' },
          color: { field: 'pointType', type: 'nominal', title: 'SPC (Making Data Count)', scale: { domain: spcTypes.map((s) => s.label), range: spcTypes.map((s) => s.hex) } },
          tooltip: [{ field: 'period' }, { field: 'value' }, { field: 'lower95' }, { field: 'upper95' }, { field: 'pointType' }],
        },
      },
    ],
  };
  return {
    kind: 'trend', title, fileName: `${slug(t.area.code)}-${t.indicator.id}-trend`, description: String(spec.description), spec,
    table: {
      caption: `${title}${targets.length ? ` (target trajectory from the ${t.target!.cycleYear} cycle, ${t.target!.status})` : ''}`,
      columns: [{ key: 'period', label: 'Period' }, { key: 'value', label: 'Value', numeric: true }, { key: 'lower95', label: 'Lower 95% CI', numeric: true }, { key: 'upper95', label: 'Upper 95% CI', numeric: true },
        { key: 'england', label: 'England', numeric: true }, { key: 'mean', label: 'SPC mean', numeric: true }, { key: 'lowerLimit', label: 'Lower process limit', numeric: true },
        { key: 'upperLimit', label: 'Upper process limit', numeric: true }, { key: 'pointType', label: 'SPC point' }, { key: 'target', label: 'Trajectory milestone', numeric: true }],
      rows: periods.map((p) => ({ ...(data.find((d) => d.period === p) ?? { period: p }), target: targets.find((m) => m.period === p)?.target ?? null })) as ChartBundle['table']['rows'],
    },
  };
}

export function inequalitiesChart(v: InequalitiesView): ChartBundle {
  const data = v.segments.map((s) => ({ group: s.label, value: round(s.value, 2), lower95: round(s.lower95, 2), upper95: round(s.upper95, 2), outcome: outcomeStyle(s.comparedToArea).label, population: round(s.denominator, 0) }));
  const siiText = v.sii ? `SII ${round(v.sii.sii, 2)} (95% CI ${round(v.sii.siiLimits[0], 2)} to ${round(v.sii.siiLimits[1], 2)})` : v.siiNote ?? '';
  const title = `${v.indicator.title} by deprivation ${v.groups ?? 'group'}: ${v.area.name}`;
  const x = { field: 'group', type: 'nominal', sort: null, axis: { title: `Deprivation ${v.groups ?? ''} (national IMD)`, labelAngle: 0, labelLimit: 0 } };
  const spec = {
    ...frame({ title, period: v.period, benchmark: `${v.area.name} overall (dashed line)`, confidence: '95%', source: SOURCE },
      `Bar chart of ${v.indicator.title} in ${v.segments.length} deprivation groups of ${v.area.name}. ${siiText}`),
    width: WIDTH - 100, height: 260,
    layer: [
      {
        data: { values: data }, mark: { type: 'bar', width: { band: 0.7 } },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: v.indicator.unit }, color: { field: 'outcome', type: 'nominal', title: `Compared with ${v.area.name}`, scale: outcomeScale(v.segments.map((s) => s.comparedToArea ?? 'not-compared')) } },
      },
      { data: { values: data }, mark: { type: 'rule', color: NHS.black }, encoding: { x, y: { field: 'lower95', type: 'quantitative' }, y2: { field: 'upper95' } } },
      ...(v.areaValue !== null ? [{ data: { values: [{ overall: v.areaValue }] }, mark: { type: 'rule', color: NHS.black, strokeDash: [6, 3], strokeWidth: 2 }, encoding: { y: { field: 'overall', type: 'quantitative' } } }] : []),
    ],
  };
  return {
    kind: 'inequalities', title, fileName: `${slug(v.area.code)}-${v.indicator.id}-inequalities-${v.period}`, description: String(spec.description), spec,
    table: {
      caption: `${title}, ${v.period}. ${siiText}`,
      columns: [{ key: 'group', label: 'Deprivation group' }, { key: 'value', label: 'Value', numeric: true }, { key: 'lower95', label: 'Lower 95% CI', numeric: true }, { key: 'upper95', label: 'Upper 95% CI', numeric: true }, { key: 'population', label: 'Denominator', numeric: true }, { key: 'outcome', label: `Compared with ${v.area.name}` }],
      rows: data,
    },
  };
}
