import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReferenceTree } from './reference.ts';
import { sharedDataDir } from '../platform/testing/test-app.ts';

const dir = join(sharedDataDir, 'reference');
const tree = buildReferenceTree(readFileSync(join(dir, 'sha_2006_2013.csv'), 'utf8'), readFileSync(join(dir, 'pct_sha_lookup_2006_2013.csv'), 'utf8'));
const validOn = (d: string) => (o: { validFrom: string; validTo: string | null }) => o.validFrom <= d && (o.validTo === null || o.validTo >= d);

test('the 2008/09 tree has England, 10 SHAs and 152 PCTs including 5P3 and 5P4', () => {
  const on = tree.orgs.filter(validOn('2009-04-01'));
  assert.equal(on.filter((o) => o.type === 'england').length, 1);
  assert.equal(on.filter((o) => o.type === 'sha').length, 10);
  const pcts = on.filter((o) => o.type === 'pct').map((o) => o.code);
  assert.equal(pcts.length, 152);
  assert.ok(pcts.includes('5P3') && pcts.includes('5P4') && !pcts.includes('5QV'));
});

test('after the 2010 merger there are 151 PCTs and the Hertfordshire PCTs point to 5QV', () => {
  const pcts = tree.orgs.filter(validOn('2010-04-01')).filter((o) => o.type === 'pct').map((o) => o.code);
  assert.equal(pcts.length, 151);
  assert.ok(pcts.includes('5QV') && !pcts.includes('5P3'));
  for (const code of ['5P3', '5P4']) assert.equal(tree.orgs.find((o) => o.code === code)?.successorCode, '5QV');
});

test('every PCT has exactly one parent SHA link, and the SHA counts match the source', () => {
  const links = tree.hierarchy.filter((h) => h.parentCode !== 'ENG' && validOn('2012-01-01')(h));
  const perSha = new Map<string, number>();
  for (const l of links) perSha.set(l.parentCode, (perSha.get(l.parentCode) ?? 0) + 1);
  const shaCsv = readFileSync(join(dir, 'sha_2006_2013.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of shaCsv) {
    const [code, , , count] = line.split(',');
    assert.equal(perSha.get(code), Number(count), `PCTs of ${code} in 2011/12`);
  }
});

test('a PCT naming an unknown SHA is reported with file, line and field', () => {
  const bad = 'pct_code,pct_ons_code,pct_name,sha_code,sha_ons_code,sha_name,status,source\n5XX,,Nowhere PCT,Q99,,None,x,y\n';
  assert.throws(() => buildReferenceTree(readFileSync(join(dir, 'sha_2006_2013.csv'), 'utf8'), bad),
    /pct_sha_lookup_2006_2013\.csv:2:sha_code: "Q99" is not an SHA/);
});
