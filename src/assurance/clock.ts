// The time the assurance rules are judged at. Services take `now` as an argument; routes ask the clock in
// the app's dependencies (tests pass a movable one) and fall back to the system time.
import type { AppDeps } from '../platform/app.ts';

export type Clock = () => Date;

export function clockOf(deps: AppDeps): Clock {
  const own = (deps as AppDeps & { clock?: Clock }).clock;
  return own ?? (() => new Date());
}

/** A clock for tests: starts at `start`, moved with `set` or `advance`. */
export function movableClock(start: string | Date): Clock & { set(t: string | Date): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  const clock = (() => new Date(t)) as Clock & { set(t: string | Date): void; advance(ms: number): void };
  clock.set = (x) => { t = new Date(x).getTime(); };
  clock.advance = (ms) => { t += ms; };
  return clock;
}
