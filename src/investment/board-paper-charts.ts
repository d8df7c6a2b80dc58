// The board paper's chart specifications, shared by the PDF and the SVG endpoints of the page.
import type { BoardPaper } from './board-paper.ts';
import { costPerQalySpec, probabilitySpec, surplusSpec } from './charts.ts';

export type ChartName = 'cost-per-qaly' | 'probability' | 'surplus';

export function boardPaperChart(paper: BoardPaper, name: ChartName): Record<string, unknown> | null {
  const { round, options } = paper.detail;
  const chosen = new Set(paper.optimisation?.chosen ?? []);
  const span = `${paper.years[0]}–${paper.years[4]}`;
  switch (name) {
    case 'cost-per-qaly':
      return paper.optimisation ? costPerQalySpec(options.filter((o) => o.costPerQaly !== null && o.costPerQaly > 0 && o.qalyLikely > 0).map((o) => ({ option: o.code, costPerQaly: o.costPerQaly!, chosen: chosen.has(o.code) ? 'In' : 'Out' })),
        round.thresholdLow, round.thresholdHigh, `${span} · source: options as entered by ${round.orgCode}`) : null;
    case 'probability': {
      const mc = paper.monteCarlo;
      return mc ? probabilitySpec(mc.optionCodes.map((c, i) => ({ option: c, probability: mc.probabilityIn[i]! })), `${mc.draws.toLocaleString('en-GB')} draws, seed ${mc.seed} · source: wcc optimiser`) : null;
    }
    case 'surplus': {
      const plan = paper.plan;
      return plan ? surplusSpec(plan.scenarios.flatMap((s) => s.years.map((y) => ({ year: plan.years[y.year]!, scenario: s.name, surplusM: y.surplus / 1e6 }))), `${plan.years[0]}–${plan.years[4]} · source: ${round.orgCode} five-year plan`) : null;
    }
  }
}
