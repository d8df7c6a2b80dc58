// The published assurance results as open data: one row per PCT with every competency level, governance
// RAG by area and overall, league rank and change, segment and autonomy status; as JSON rows or CSV.
import type { WccFramework } from './framework.ts';
import { scoredCompetencies } from './framework.ts';
import type { LeagueRow } from './league.ts';
import type { Scorecard } from './scorecard.ts';

export type Cell = string | number | null;

export interface OpenDataInput {
  framework: WccFramework;
  year: string;
  scorecards: Scorecard[];
  league: LeagueRow[];
  autonomyStatus?: ReadonlyMap<string, string>;   // confirmed status per org code
  segments?: ReadonlyMap<string, number>;          // where a segmentation also applies
}

export function assuranceOpenData(input: OpenDataInput): { columns: string[]; rows: Record<string, Cell>[] } {
  const f = input.framework;
  const comps = scoredCompetencies(f);
  const areas = f.governance.areas;
  const columns = ['year', 'org_code', 'org_name', 'rank', 'previous_rank', 'rank_change',
    ...comps.map((c) => `competency_${c.number}`), ...areas.map((a) => `governance_${a.id}`), 'governance_overall',
    'segment', 'autonomy_status'];
  const cards = new Map(input.scorecards.map((s) => [s.orgCode, s]));
  const rows = input.league.map((l): Record<string, Cell> => {
    const s = cards.get(l.orgCode);
    if (!s) throw new RangeError(`league row ${l.orgCode} has no scorecard`);
    const row: Record<string, Cell> = { year: input.year, org_code: s.orgCode, org_name: s.name ?? null, rank: l.rank,
      previous_rank: l.previousRank, rank_change: l.rankChange };
    for (const c of comps) row[`competency_${c.number}`] = s.competencyLevels[c.number];
    for (const a of areas) row[`governance_${a.id}`] = s.governance.areas.find((x) => x.id === a.id)?.rating ?? null;
    row.governance_overall = s.governanceOverall;
    row.segment = input.segments?.get(s.orgCode) ?? null;
    row.autonomy_status = input.autonomyStatus?.get(s.orgCode) ?? null;
    return row;
  });
  return { columns, rows };
}

/** RFC 4180 CSV; text cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function toCsv(columns: string[], rows: Record<string, Cell>[]): string {
  const cell = (v: Cell): string => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(','))].join('\r\n') + '\r\n';
}
