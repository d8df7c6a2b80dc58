import { StatsInputError } from '../confidence.ts';
import type { StatsOptions } from './options.ts';
import type { Emit, MethodRunner } from './runner.ts';
export function siiRunner(_h: readonly string[], _o: StatsOptions, _e: Emit): MethodRunner {
  throw new StatsInputError(null, 'sii is not available yet');
}
