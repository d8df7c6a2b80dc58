/** Confidence-level handling shared by the methods: parsing, the z values and output column names. */
import { normaliseConfidence, twoSidedZ } from './normal-quantile.ts';

export class StatsInputError extends Error {
  constructor(
    readonly column: string | null,
    readonly reason: string,
    readonly row: number | null = null,
    /** where the bad value came from when not the main rows: 'observedTotals' (ISR) */
    readonly source: 'rows' | 'observedTotals' = 'rows',
  ) {
    super(reason);
  }
}

/** Parses one or more levels (0.95, 95, 99.8 …) into fractions, rejecting anything outside [0.9, 1]. */
export function parseLevels(levels: readonly number[]): number[] {
  if (levels.length === 0) throw new StatsInputError('confidence', 'at least one confidence level is needed');
  return levels.map((c) => {
    const v = normaliseConfidence(c);
    if (Number.isNaN(v)) throw new StatsInputError('confidence', `confidence level ${c} must be between 0.9 and 1 (or 90 and 100)`);
    return v;
  });
}

/**
 * The PHE "one level or the pair (0.95, 0.998)" rule used by proportion, rate, mean, DSR and ISR.
 * Returns the levels as fractions.
 */
export function parseLevelsOneOrPair(levels: readonly number[]): number[] {
  const v = parseLevels(levels);
  if (v.length > 2) throw new StatsInputError('confidence', 'give one confidence level or the pair 95,99.8');
  if (v.length === 2 && !(v[0] === 0.95 && v[1] === 0.998)) {
    throw new StatsInputError('confidence', 'two confidence levels must be exactly 95 and 99.8');
  }
  return v;
}

/** Column suffix as PHEindicatormethods writes it: 0.95 → "95_0", 0.998 → "99_8". */
export function levelSuffix(c: number): string {
  return (c * 100).toFixed(1).replace('.', '_');
}

/** CI column names: one level → lowercl, uppercl; otherwise lowerXX_Xcl, upperXX_Xcl per level. */
export function ciColumns(levels: readonly number[], alwaysSuffix = false): string[] {
  if (levels.length === 1 && !alwaysSuffix) return ['lowercl', 'uppercl'];
  const cols: string[] = [];
  for (const c of levels) cols.push(`lower${levelSuffix(c)}cl`, `upper${levelSuffix(c)}cl`);
  return cols;
}

export function zValues(levels: readonly number[]): number[] {
  return levels.map(twoSidedZ);
}
