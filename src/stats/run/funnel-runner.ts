import { StatsInputError } from '../confidence.ts';
import type { StatsOptions } from './options.ts';
import type { Emit, MethodRunner } from './runner.ts';
export function funnelRunner(_m: string, _h: readonly string[], _o: StatsOptions, _e: Emit): MethodRunner {
  throw new StatsInputError(null, 'funnels are not available yet');
}
