// Self-assessment against panel assessment, per competency: the PCT's sub-criterion levels rolled up by the
// framework's rule, beside the panel's agreed level. Panels historically scored below self-assessment,
// most on competencies 5 and 6; this is what the panel page and report show.
import type { Level, WccFramework } from './framework.ts';
import { evaluateCompetencies } from './rollup.ts';

export interface SelfPanelRow {
  number: number;
  title: string;
  self: Level | null;
  panel: Level | null;
  difference: number | null;   // panel − self: negative when the panel scored lower
}

export interface SelfPanelComparison {
  rows: SelfPanelRow[];
  panelBelowSelf: number;
  panelAboveSelf: number;
  agreed: number;
  meanDifference: number | null;
}

export function compareSelfAndPanel(f: WccFramework, selfSubLevels: Record<string, Level>, panelLevels: Record<number, Level>)
  : SelfPanelComparison {
  const self = evaluateCompetencies(f, selfSubLevels);
  const rows = self.filter((c) => c.scored).map((c): SelfPanelRow => {
    const panel = panelLevels[c.number] ?? null;
    return { number: c.number, title: c.title, self: c.level, panel,
      difference: c.level !== null && panel !== null ? panel - c.level : null };
  });
  const diffs = rows.map((r) => r.difference).filter((d): d is number => d !== null);
  return {
    rows,
    panelBelowSelf: diffs.filter((d) => d < 0).length,
    panelAboveSelf: diffs.filter((d) => d > 0).length,
    agreed: diffs.filter((d) => d === 0).length,
    meanDifference: diffs.length ? diffs.reduce((a, b) => a + b, 0) / diffs.length : null,
  };
}
