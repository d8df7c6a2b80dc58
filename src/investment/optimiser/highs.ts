// The HiGHS solver (WebAssembly build of the `highs` npm package), loaded once per process on first
// use. Solves are synchronous: they block the event loop for their length.
import highsLoader, { type Highs } from 'highs';

export interface HighsColumn { Primal: number; Dual?: number }
export interface HighsRow { Name: string; Primal: number; Dual?: number }
export interface HighsResult { Status: string; ObjectiveValue: number; Columns: Record<string, HighsColumn>; Rows: HighsRow[] }
/** The one-shot API (LP text in, result out) plus the persistent models used for fast re-solves. */
export interface Solver {
  solve(lp: string, options?: Record<string, unknown>): HighsResult;
  createModel: Highs['createModel'];
}

let loading: Promise<Solver> | null = null;

export function loadSolver(): Promise<Solver> {
  // The package's types declare the loader in a way TypeScript's NodeNext resolution cannot call.
  const loader = highsLoader as unknown as () => Promise<unknown>;
  loading ??= loader().then((h) => h as Solver);
  return loading;
}
