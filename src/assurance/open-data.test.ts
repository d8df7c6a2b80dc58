import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../platform/csv.ts';
import type { Level, WccFramework } from './framework.ts';
import { loadFrameworks } from './load-frameworks.ts';
import { wccLeague } from './league.ts';
import { assuranceOpenData, toCsv } from './open-data.ts';
import { compareSelfAndPanel } from './self-vs-panel.ts';
import { card, repeat } from './test-fixtures.ts';

const frameworks = loadFrameworks();
const f0910 = frameworks.find((l) => l.framework.version === '2009-10')?.framework as WccFramework;
const f0809 = frameworks.find((l) => l.framework.version === '2008-09')?.framework as WccFramework;

test('open data has one row per PCT with every competency level, governance RAG, rank change and status', () => {
  const a = { ...card(f0910, '5D7', repeat(3)), name: 'Newcastle PCT' };
  const b = { ...card(f0910, '5KG', [2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2], ['F1', 'F2']), name: '=HYPERLINK("x"), South Tyneside' };
  const league = wccLeague(f0910, [a, b], new Map([['5KG', 1], ['5D7', 2]]));
  const { columns, rows } = assuranceOpenData({ framework: f0910, year: '2009-10', scorecards: [a, b], league,
    autonomyStatus: new Map([['5D7', 'support'], ['5KG', 'on-notice']]) });
  assert.equal(columns.filter((c) => c.startsWith('competency_')).length, 11);
  assert.deepEqual(columns.filter((c) => c.startsWith('governance_')), ['governance_strategy', 'governance_finance', 'governance_board', 'governance_overall']);
  assert.deepEqual(rows.map((r) => [r.org_code, r.rank, r.rank_change, r.competency_5, r.governance_finance, r.governance_overall, r.autonomy_status]),
    [['5D7', 1, 1, 3, 'green', 'green', 'support'], ['5KG', 2, -1, 1, 'amber', 'amber', 'on-notice']]);

  const csv = toCsv(columns, rows);
  const parsed = parseCsv(csv.trimEnd());
  assert.equal(parsed.length, 3);
  assert.deepEqual(parsed[0], columns);
  assert.equal(parsed[2][columns.indexOf('org_name')], `'=HYPERLINK("x"), South Tyneside`, 'formula text is neutralised and quoted');
  assert.equal(parsed[1][columns.indexOf('segment')], '', 'no segment is an empty cell');
});

test('2008/09 open data has ten competency columns', () => {
  const s = card(f0809, '5D7', repeat(2, 10));
  const { columns } = assuranceOpenData({ framework: f0809, year: '2008-09', scorecards: [s], league: wccLeague(f0809, [s]) });
  assert.equal(columns.filter((c) => c.startsWith('competency_')).length, 10);
  assert.ok(!columns.includes('competency_11'));
});

test('self against panel: rolled-up self levels beside the panel, with the direction of each difference', () => {
  const self: Record<string, Level> = {};
  for (const c of f0910.competencies) for (const s of c.subCriteria) self[s.number] = 3;
  self['5.1'] = 4; self['5.2'] = 4;        // lowest-but-one of 4,4,3,3,3 = 3
  const panel: Record<number, Level> = {};
  for (const c of f0910.competencies) panel[c.number] = 3;
  panel[5] = 2; panel[6] = 2; panel[1] = 4;
  const r = compareSelfAndPanel(f0910, self, panel);
  assert.deepEqual(r.rows.filter((x) => x.difference !== 0).map((x) => [x.number, x.self, x.panel, x.difference]),
    [[1, 3, 4, 1], [5, 3, 2, -1], [6, 3, 2, -1]]);
  assert.deepEqual([r.panelBelowSelf, r.panelAboveSelf, r.agreed], [2, 1, 8]);
  assert.equal(r.meanDifference, -1 / 11);
});
