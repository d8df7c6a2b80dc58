// Charts of the risk feature as Vega-Lite specs (title, period, source, legend), rendered to SVG on the
// server like the outcome charts, so the page shows an <img> and the same numbers as a table.
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { frame, round, WIDTH, type VlSpec } from '../web/charts/frame.ts';
import type { Performance } from './evaluate.ts';
import type { AreaViews } from './area-views.ts';

const SOURCE = 'HES APC/OP/A&E linked by pseudonym; wcc risk model';

export async function renderSvg(spec: VlSpec): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec).spec), { renderer: 'none' });
  try { return await view.toSVG(); } finally { view.finalize(); }
}

export function calibrationSpec(p: Performance, testYear: string, version: number): VlSpec {
  const rows = p.calibration.flatMap((c) => [
    { decile: c.decile, series: 'Predicted (mean)', rate: round(c.meanPredicted * 100, 2) },
    { decile: c.decile, series: 'Observed', rate: round(c.observedRate * 100, 2) },
  ]);
  return {
    ...frame({ title: `Calibration of risk model v${version}: emergency admission by decile of predicted risk`, period: testYear, source: SOURCE },
      'Predicted and observed percentage of people with an emergency admission in each tenth of predicted risk, lowest to highest.'),
    width: WIDTH - 120, height: 260, data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'decile', type: 'ordinal', title: 'Decile of predicted risk (1 = lowest)' },
      y: { field: 'rate', type: 'quantitative', title: 'People with an emergency admission (%)' },
      color: { field: 'series', type: 'nominal', title: 'Series', scale: { range: ['#005eb8', '#da291c'] } },
      strokeDash: { field: 'series', type: 'nominal', title: 'Series' },
    },
  };
}

export function lorenzSpec(v: AreaViews, england: AreaViews | null): VlSpec {
  const series = (a: AreaViews, name: string) => [{ area: name, people: 0, cost: 0 }, ...a.concentration.points.map((p) => ({ area: name, people: p.topPercent, cost: round(p.costShare * 100, 1) }))];
  const rows = [...series(v, v.area === 'ENG' ? 'England' : v.area), ...(england && v.area !== 'ENG' ? series(england, 'England') : []),
    { area: 'Equal shares', people: 0, cost: 0 }, { area: 'Equal shares', people: 100, cost: 100 }];
  return {
    ...frame({ title: `Cost concentration in ${v.area === 'ENG' ? 'England' : v.area}: share of cost used by the costliest people`, period: `${v.costYear} (hospital cost)`, source: SOURCE },
      'Cumulative share of hospital cost against the share of the population, costliest people first (a Lorenz curve).'),
    width: WIDTH - 200, height: 300, data: { values: rows },
    mark: { type: 'line', point: false },
    encoding: {
      x: { field: 'people', type: 'quantitative', title: 'Costliest people (% of population)', scale: { domain: [0, 100] } },
      y: { field: 'cost', type: 'quantitative', title: 'Share of cost (%)', scale: { domain: [0, 100] } },
      color: { field: 'area', type: 'nominal', title: 'Area', scale: { range: ['#005eb8', '#768692', '#aeb7bd'] } },
      strokeDash: { field: 'area', type: 'nominal', title: 'Area' },
    },
  };
}

export function pyramidSpec(v: AreaViews, segmentLabels: Record<string, string>, tierLabels: Record<string, string>): VlSpec {
  const rows = v.pyramid.filter((c) => c.people !== null && c.people > 0).map((c) => ({ segment: segmentLabels[c.segment] ?? c.segment, tier: tierLabels[c.tier] ?? c.tier, people: c.people, cost: round((c.cost ?? 0) / 1000, 0) }));
  return {
    ...frame({ title: `People and cost by segment and risk tier in ${v.area === 'ENG' ? 'England' : v.area}`, period: `risk for ${v.scoreYear}; cost ${v.costYear}`, source: SOURCE },
      'Number of people in each population segment, split by risk tier; cells under 5 people are suppressed.'),
    width: WIDTH - 280, height: 220, data: { values: rows },
    mark: 'bar',
    encoding: {
      y: { field: 'segment', type: 'nominal', title: null, sort: null },
      x: { field: 'people', type: 'quantitative', title: 'People', stack: 'zero', scale: { type: 'symlog' } },
      color: { field: 'tier', type: 'nominal', title: 'Risk tier', sort: Object.values(tierLabels), scale: { range: ['#da291c', '#ed8b00', '#ffb81c', '#005eb8'] } },
      tooltip: [{ field: 'segment' }, { field: 'tier' }, { field: 'people' }, { field: 'cost', title: 'Cost (£000)' }],
    },
  };
}
