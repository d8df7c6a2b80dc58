// Board-paper charts as SVG, drawn server-side with Vega-Lite (compiled to Vega, rendered headless).
// Each chart has a title, a legend where it has series, and a subtitle with period and source; the
// page and PDF show a table of the same numbers beside it.
import * as vl from 'vega-lite';
import * as vega from 'vega';

type Spec = Record<string, unknown>;

export async function renderSvg(spec: Spec): Promise<string> {
  const compiled = vl.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', config: { font: 'Helvetica', view: { stroke: null }, locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '-' } } }, ...spec } as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export function costPerQalySpec(rows: { option: string; costPerQaly: number; chosen: string }[], low: number, high: number, subtitle: string): Spec {
  return {
    title: { text: 'Cost per QALY of each option', subtitle }, width: 440, height: Math.max(120, rows.length * 18),
    layer: [
      { data: { values: rows }, mark: 'bar', encoding: {
        y: { field: 'option', type: 'nominal', sort: null, title: null },
        x: { field: 'costPerQaly', type: 'quantitative', title: '£ per QALY (five-year net cost / QALYs)' },
        color: { field: 'chosen', type: 'nominal', title: 'Optimal portfolio', scale: { domain: ['In', 'Out'], range: ['#005eb8', '#aeb7bd'] } },
      } },
      { data: { values: [{ t: low, label: `£${low / 1000}k` }, { t: high, label: `£${high / 1000}k` }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#d5281b' }, encoding: { x: { field: 't', type: 'quantitative' } } },
    ],
  };
}

export function probabilitySpec(rows: { option: string; probability: number }[], subtitle: string): Spec {
  return {
    title: { text: 'Probability of being in the optimal portfolio', subtitle }, width: 440, height: Math.max(120, rows.length * 18),
    data: { values: rows }, mark: 'bar',
    encoding: {
      y: { field: 'option', type: 'nominal', sort: null, title: null },
      x: { field: 'probability', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: 'Share of Monte Carlo draws' },
      color: { value: '#005eb8' },
    },
  };
}

export function surplusSpec(rows: { year: string; scenario: string; surplusM: number }[], subtitle: string): Spec {
  return {
    title: { text: 'Surplus or deficit by year and scenario', subtitle }, width: 440, height: 180,
    data: { values: rows },
    layer: [
      { mark: { type: 'line', point: true }, encoding: {
        x: { field: 'year', type: 'ordinal', title: 'Financial year' },
        y: { field: 'surplusM', type: 'quantitative', title: '£ million' },
        color: { field: 'scenario', type: 'nominal', title: 'Scenario' },
      } },
      { data: { values: [{ z: 0 }] }, mark: { type: 'rule', color: '#425563' }, encoding: { y: { field: 'z', type: 'quantitative' } } },
    ],
  };
}

export function spendOutcomeSpec(points: { orgCode: string; spendPerHead: number; outcome: number; subject: string }[], spendMedian: number, outcomeMedian: number, title: string, outcomeTitle: string, subtitle: string): Spec {
  return {
    title: { text: title, subtitle }, width: 440, height: 300,
    layer: [
      { data: { values: points }, mark: { type: 'point', filled: true, size: 70 }, encoding: {
        x: { field: 'spendPerHead', type: 'quantitative', title: '£ per weighted head', scale: { zero: false } },
        y: { field: 'outcome', type: 'quantitative', title: outcomeTitle, scale: { zero: false } },
        color: { field: 'subject', type: 'nominal', title: 'PCT', scale: { domain: ['This PCT', 'Peers'], range: ['#d5281b', '#005eb8'] } },
        tooltip: [{ field: 'orgCode' }, { field: 'spendPerHead', format: '.2f' }, { field: 'outcome' }],
      } },
      { data: { values: [{ x: spendMedian }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#425563' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      { data: { values: [{ y: outcomeMedian }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#425563' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    ],
  };
}
