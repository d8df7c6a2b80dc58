// League tables. WCC: governance first, then competencies (or a weighted score, as the framework says);
// oversight: segment first, then mean metric score. Ties share a rank; change since last year compares ranks.
import type { LeagueSettings, OversightFramework, Rag, WccFramework } from './framework.ts';
import type { Scorecard } from './scorecard.ts';
import { competencyScore, governanceScore } from './scorecard.ts';
import type { SegmentResult } from './segmentation.ts';

export interface LeagueRow {
  rank: number;
  orgCode: string;
  name?: string;
  governanceOverall?: Rag;
  governanceScore?: number;   // share of maximum governance points, 0–1
  competencyScore?: number;   // share of maximum competency levels, 0–1
  weightedScore?: number;
  segment?: number | null;
  meanScore?: number | null;
  previousRank: number | null;
  rankChange: number | null;  // positive = moved up the table since last year
}

/** The rank a previous table gave each organisation, for change since last year. */
export type PreviousRanks = ReadonlyMap<string, number>;

export function wccLeague(f: WccFramework, cards: Scorecard[], previous: PreviousRanks = new Map()): LeagueRow[] {
  const rows = cards.map((s) => {
    const gov = governanceScore(f, s);
    const comp = competencyScore(f, s);
    return { orgCode: s.orgCode, name: s.name, governanceOverall: s.governanceOverall, governanceScore: gov,
      competencyScore: comp, weightedScore: weighted(f.league, gov, comp) };
  });
  const key = (r: (typeof rows)[number]): number[] => f.league.order === 'weighted'
    ? [-r.weightedScore, -r.governanceScore, -r.competencyScore]
    : [-r.governanceScore, -r.competencyScore];
  return rank(rows, key, previous);
}

export function oversightLeague(_f: OversightFramework, results: SegmentResult[], previous: PreviousRanks = new Map()): LeagueRow[] {
  const rows = results.map((r) => ({ orgCode: r.orgCode, name: r.name, segment: r.segment, meanScore: r.meanScore }));
  // Trusts without a segment go to the foot of the table.
  return rank(rows, (r) => [r.segment ?? Infinity, r.meanScore ?? Infinity], previous);
}

function weighted(l: LeagueSettings, gov: number, comp: number): number {
  const gw = l.governanceWeight ?? 0.5;
  const cw = l.competencyWeight ?? 0.5;
  return gw * gov + cw * comp;
}

const EPS = 1e-9;

function rank<T extends { orgCode: string }>(rows: T[], key: (r: T) => number[], previous: PreviousRanks)
  : (T & { rank: number; previousRank: number | null; rankChange: number | null })[] {
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  keyed.sort((a, b) => compareKeys(a.k, b.k) || a.r.orgCode.localeCompare(b.r.orgCode));
  let currentRank = 0;
  return keyed.map((x, i) => {
    if (i === 0 || compareKeys(keyed[i - 1].k, x.k) !== 0) currentRank = i + 1;
    const prev = previous.get(x.r.orgCode) ?? null;
    return { ...x.r, rank: currentRank, previousRank: prev, rankChange: prev === null ? null : prev - currentRank };
  });
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (Math.abs(a[i] - b[i]) < EPS) continue;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

export function previousRanks(rows: Pick<LeagueRow, 'orgCode' | 'rank'>[]): PreviousRanks {
  return new Map(rows.map((r) => [r.orgCode, r.rank]));
}
