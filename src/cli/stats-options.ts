/** Turns `wcc stats` command-line strings into StatsOptions, rejecting malformed values. */
import { StatsInputError } from '../stats/confidence.ts';
import type { StatsOptions } from '../stats/run/options.ts';

type Raw = Record<string, string | boolean | undefined>;

function numberOption(raw: Raw, key: string, flag: string): number | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n)) throw new StatsInputError(flag, `${flag} must be a number, got "${v}"`);
  return n;
}

function choice<T extends string>(raw: Raw, key: string, flag: string, allowed: readonly T[]): T | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) throw new StatsInputError(flag, `${flag} must be one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

export function parseCliOptions(raw: Raw): StatsOptions {
  const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
  const map: Record<string, string> = {};
  for (const pair of list(raw.map) ?? []) {
    const [k, s] = pair.split('=').map((x) => x.trim());
    if (!k || !s) throw new StatsInputError('--map', `--map entries must look like col=source, got "${pair}"`);
    map[k] = s;
  }
  const confidence = list(raw.confidence)?.map((c) => {
    const n = Number(c);
    if (!Number.isFinite(n)) throw new StatsInputError('--confidence', `--confidence must be numbers like 95,99.8, got "${c}"`);
    return n;
  });
  const inv = raw.invert;
  const invert = inv === undefined ? undefined : /^(true|TRUE|T|1)$/.test(String(inv)) ? true : /^(false|FALSE|F|0)$/.test(String(inv)) ? false : String(inv);
  const vt = choice(raw, 'valueType', '--value-type', ['0', '1', '2'] as const);
  return {
    groupBy: list(raw.groupBy),
    confidence,
    multiplier: numberOption(raw, 'multiplier', '--multiplier'),
    map,
    standard: raw.standard === undefined ? undefined : (String(raw.standard) as 'esp2013'),
    nonIndependent: raw.nonIndependent === true,
    refValue: numberOption(raw, 'refvalue', '--refvalue'),
    quantiles: numberOption(raw, 'quantiles', '--quantiles'),
    invert,
    valueType: vt === undefined ? undefined : (Number(vt) as 0 | 1 | 2),
    transform: raw.transform === true,
    rii: raw.rii === true,
    repetitions: numberOption(raw, 'repetitions', '--repetitions'),
    seed: numberOption(raw, 'seed', '--seed'),
    statistic: choice(raw, 'statistic', '--statistic', ['proportion', 'ratio', 'rate'] as const),
    ratioType: choice(raw, 'ratioType', '--ratio-type', ['count', 'isr'] as const),
    rateType: choice(raw, 'rateType', '--rate-type', ['dsr', 'crude'] as const),
    years: numberOption(raw, 'years', '--years'),
  };
}
