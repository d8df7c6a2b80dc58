import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mappedColumns, parseMapping } from './mapping.ts';

test('pairs with breakdown suffixes, constants in quotes and column names with spaces', () => {
  const m = parseMapping('area_code=ONS Code (new),period=Period,area_type="la",value.male=rate_m,value.female=rate_f', 'apho_x');
  assert.deepEqual(m.common.get('indicator_id'), { constant: 'apho_x' });
  assert.deepEqual(m.common.get('area_code'), { column: 'ONS Code (new)' });
  assert.deepEqual(m.common.get('area_type'), { constant: 'la' });
  assert.deepEqual([...m.byBreakdown.keys()], ['male', 'female']);
  assert.deepEqual(mappedColumns(m), ['ONS Code (new)', 'Period', 'rate_m', 'rate_f']);
});

test('a JSON mapping works the same', () => {
  const m = parseMapping('{"indicator_id":"indicator","area_code":"code","period":"year","numerator":"n","denominator":"d"}');
  assert.deepEqual(mappedColumns(m), ['indicator', 'code', 'year', 'n', 'd']);
});

test('unknown fields, missing keys and mappings without a number are refused', () => {
  assert.throws(() => parseMapping('area=code,period=p,value=v', 'x'), /unknown mapping field "area"/);
  assert.throws(() => parseMapping('area_code=c,value=v', 'x'), /must give period/);
  assert.throws(() => parseMapping('area_code=c,period=p'), /must give indicator_id/);
  assert.throws(() => parseMapping('area_code=c,period=p,note=n', 'x'), /at least one of numerator/);
});
