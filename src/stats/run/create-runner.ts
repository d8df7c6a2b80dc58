/**
 * Picks the runner for a method: the one entry point the CLI and the API share. Runner modules load
 * lazily so a DSR run does not pay for the distributions library or the simulation code.
 */
import type { StatsMethod, StatsOptions } from './options.ts';
import type { Emit, MethodRunner } from './runner.ts';

export type RunnerFactory = (header: readonly string[], options: StatsOptions, emit: Emit) => MethodRunner;

export async function loadRunner(method: StatsMethod): Promise<RunnerFactory> {
  switch (method) {
    case 'proportion':
    case 'rate': {
      const { countRatioRunner } = await import('./simple-runners.ts');
      return (h, o, e) => countRatioRunner(method, h, o, e);
    }
    case 'mean':
      return (await import('./simple-runners.ts')).meanRunner;
    case 'dsr':
      return (await import('./dsr-runner.ts')).dsrRunner;
    case 'isratio':
    case 'israte': {
      const { isrRunner } = await import('./isr-runner.ts');
      return (h, o, e) => isrRunner(method, h, o, e);
    }
    case 'life-expectancy':
      return (await import('./life-expectancy-runner.ts')).lifeExpectancyRunner;
    case 'quantile':
      return (await import('./quantile-runner.ts')).quantileRunner;
    case 'sii':
      return (await import('./sii-runner.ts')).siiRunner;
    case 'funnel-limits':
    case 'funnel-significance':
    case 'funnel-points': {
      const { funnelRunner } = await import('./funnel-runner.ts');
      return (h, o, e) => funnelRunner(method, h, o, e);
    }
    case 'compare':
    case 'trend':
    case 'spc':
    case 'targets':
    case 'overdispersion':
    case 'agi':
    case 'peers':
    case 'kappa':
    case 'competency':
    case 'rag-rollup':
    case 'metric-score':
    case 'segments': {
      const { viewRunner } = await import('./view-runner.ts');
      return (h, o, e) => viewRunner(method, h, o, e);
    }
  }
}
