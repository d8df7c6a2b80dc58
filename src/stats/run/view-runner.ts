/**
 * Runs a sections 13–20 method (views-registry.ts) as a MethodRunner, so the CLI and the API drive it
 * like any other: rows are collected per --group-by group (with --map applied), each group's rows go
 * to the view, and its output rows follow the group columns. Output columns are known once every group
 * has run, so the runner emits nothing until finish().
 */
import { StatsInputError } from '../confidence.ts';
import { statsViews } from '../views-registry.ts';
import { ColumnResolver } from './columns.ts';
import type { Cell } from './cursor.ts';
import { Groups } from './groups.ts';
import { METHOD_TABLE } from './methods.ts';
import type { StatsMethod, StatsOptions } from './options.ts';
import type { Emit, MethodRunner } from './runner.ts';

type Row = Record<string, Cell>;

/** Plain Errors from the pure functions describe bad input; programming errors keep their own types. */
function asInputError(e: unknown, rowNumbers: readonly number[]): unknown {
  if (e instanceof StatsInputError) {
    return e.row === null ? e : new StatsInputError(e.column, e.reason, rowNumbers[e.row - 1] ?? e.row);
  }
  if (e instanceof Error && e.constructor === Error) return new StatsInputError(null, e.message);
  return e;
}

export function viewRunner(method: StatsMethod, header: readonly string[], o: StatsOptions, emit: Emit): MethodRunner {
  const view = statsViews.find((v) => v.name === method);
  if (!view) throw new Error(`no view for method ${method}`);
  const cols = new ColumnResolver(header, o);
  for (const c of METHOD_TABLE[method].required ?? []) cols.required(c);
  const groupCols = cols.groupColumns();
  const groupNames = groupCols.map((i) => header[i]);
  const mapped = Object.entries(o.map ?? {});
  const groups = new Groups(groupCols, () => ({ rows: [] as Row[], rowNumbers: [] as number[] }));
  let rowNumber = 0;
  let columns = groupNames;
  return {
    get columns() { return columns; },
    add(row) {
      rowNumber++;
      const r: Row = {};
      for (let i = 0; i < header.length; i++) {
        const t = row.text(i);
        r[header[i]] = t === '' || t === 'NA' ? null : t;
      }
      for (const [canonical, source] of mapped) r[canonical] = r[source];
      const g = groups.get(row).acc;
      g.rows.push(r);
      g.rowNumbers.push(rowNumber);
    },
    finish() {
      const results: { values: string[]; out: Row[] }[] = [];
      const keys = new Set<string>();
      // ungrouped, the method runs once even on no rows (a trajectory needs only its options)
      const all = groups.map.size === 0 && groupCols.length === 0 ? [{ values: [] as string[], acc: { rows: [] as Row[], rowNumbers: [] as number[] } }] : groups.map.values();
      for (const g of all) {
        let out: Row[];
        try {
          out = view.run(g.acc.rows, o as Record<string, unknown>);
        } catch (e) {
          throw asInputError(e, g.acc.rowNumbers);
        }
        for (const r of out) for (const k of Object.keys(r)) if (!groupNames.includes(k)) keys.add(k);
        results.push({ values: g.values, out });
      }
      const outputKeys = [...keys];
      columns = [...groupNames, ...outputKeys];
      for (const { values, out } of results) {
        for (const r of out) emit([...values, ...outputKeys.map((k) => normalise(r[k]))]);
      }
    },
  };
}

function normalise(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
