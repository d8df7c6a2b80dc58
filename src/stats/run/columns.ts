/** Resolves the columns a method needs in an input header, honouring --map and --group-by. */
import { StatsInputError } from '../confidence.ts';
import type { StatsOptions } from './options.ts';

export class ColumnResolver {
  constructor(readonly header: readonly string[], private readonly options: StatsOptions) {
    for (const [canonical, source] of Object.entries(options.map ?? {})) {
      if (!header.includes(source)) throw new StatsInputError(source, `unknown column "${source}" in --map ${canonical}=${source}`);
    }
  }

  /** Index of a required column (after mapping). */
  required(name: string): number {
    const i = this.optional(name);
    if (i < 0) {
      const source = this.options.map?.[name];
      throw new StatsInputError(name, source
        ? `column "${source}" (mapped to ${name}) not found`
        : `required column "${name}" not found (map another column with --map ${name}=column)`);
    }
    return i;
  }

  /** Index of an optional column, or -1. */
  optional(name: string): number {
    return this.header.indexOf(this.options.map?.[name] ?? name);
  }

  /** Indexes of the --group-by columns; each must exist. */
  groupColumns(): number[] {
    return (this.options.groupBy ?? []).map((g) => {
      const i = this.header.indexOf(g);
      if (i < 0) throw new StatsInputError(g, `unknown column "${g}" in --group-by`);
      return i;
    });
  }
}
