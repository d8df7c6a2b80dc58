// Financial risk rating of a five-year plan from rules held as data (reference/risk-rules.json): the first
// rule whose conditions all hold gives the rating (4 lowest risk … 1 highest) and its R/A/G.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioResult } from './plan.ts';

export interface RiskConditions {
  minCentralSurplusPct?: number;
  minLowSurplusPct?: number;
  minContingencyPct?: number;
  recurringBalanceCentral?: boolean;
}
export interface RiskRule { rating: number; rag: 'red' | 'amber' | 'green'; label: string; when: RiskConditions }
export interface RiskRating { rating: number; rag: 'red' | 'amber' | 'green'; label: string; reasons: string[] }

export function loadRiskRules(file = join(import.meta.dirname, 'reference', 'risk-rules.json')): RiskRule[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { rules: RiskRule[] }).rules;
}

export function rateFinancialRisk(results: ScenarioResult[], contingencyPct: number, rules: RiskRule[]): RiskRating {
  const minPct = (name: string) => {
    const s = results.find((r) => r.name === name);
    return s ? Math.min(...s.years.map((y) => y.surplusPct)) : Number.NaN;
  };
  const central = minPct('central');
  const low = results.some((r) => r.name === 'low') ? minPct('low') : central;
  const centralYears = results.find((r) => r.name === 'central')?.years ?? [];
  const recurringOk = (centralYears[centralYears.length - 1]?.recurringBalance ?? -1) >= 0;
  const facts = `lowest central surplus ${central.toFixed(2)}%, lowest low-growth surplus ${low.toFixed(2)}%, contingency ${contingencyPct}%, recurring balance by year 5 ${recurringOk ? 'achieved' : 'not achieved'}`;
  for (const rule of rules) {
    const w = rule.when;
    const failed: string[] = [];
    if (w.minCentralSurplusPct !== undefined && !(central >= w.minCentralSurplusPct)) failed.push(`central surplus below ${w.minCentralSurplusPct}% in some year`);
    if (w.minLowSurplusPct !== undefined && !(low >= w.minLowSurplusPct)) failed.push(`low-growth surplus below ${w.minLowSurplusPct}% in some year`);
    if (w.minContingencyPct !== undefined && !(contingencyPct >= w.minContingencyPct)) failed.push(`contingency below ${w.minContingencyPct}%`);
    if (w.recurringBalanceCentral && !recurringOk) failed.push('not in recurring balance by year 5');
    if (!failed.length) return { rating: rule.rating, rag: rule.rag, label: rule.label, reasons: [facts] };
  }
  return { rating: 1, rag: 'red', label: 'High risk', reasons: [facts, 'no rule matched'] };
}
