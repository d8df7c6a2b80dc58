import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSegmentation, segmentCase, tierBounds } from './segments.ts';
import { loadConditionGroups } from './codelists.ts';
import { SEGMENT_FEATURES } from './score.ts';

test('the shipped segmentation compiles to one CASE with every value as a parameter', () => {
  const seg = loadSegmentation();
  assert.deepEqual(seg.segments.map((s) => s.id), ['end_of_life', 'complex_frailty', 'maternity', 'ltc', 'acute_episode', 'healthy']);
  const params: (string | number)[] = [];
  const allowed = new Set([...SEGMENT_FEATURES, ...loadConditionGroups().map((g) => g.id)]);
  const sql = segmentCase(seg, allowed, params);
  assert.ok(sql.startsWith('CASE WHEN'));
  assert.ok(!/\b75\b/.test(sql), 'ages are parameters, not SQL text');
  assert.ok(params.includes(75) && params.includes('healthy'));
  assert.equal((sql.match(/\$\d+/g) ?? []).length, params.length);
});

test('a rule on an unknown feature is refused (the YAML cannot inject SQL)', () => {
  const seg = { segments: [{ id: 'x', label: 'X', all: [{ feature: 'age; DROP TABLE scores', op: '>=' as const, value: 1 }], any: [] }, { id: 'rest', label: 'Rest', all: [], any: [] }], tiers: [{ id: 't', label: 'T', share: 1 }] };
  assert.throws(() => segmentCase(seg, new Set(['age']), []), /unknown feature/);
});

test('tiers are cumulative rank bands ending at 1', () => {
  const b = tierBounds(loadSegmentation().tiers);
  assert.deepEqual(b.map((t) => t.id), ['very_high', 'high', 'moderate', 'low']);
  assert.ok(Math.abs(b[0]!.upTo - 0.005) < 1e-12 && Math.abs(b[1]!.upTo - 0.05) < 1e-12 && Math.abs(b[3]!.upTo - 1) < 1e-12);
});

test('condition groups load with valid ICD-10 codes and distinct ids', () => {
  const groups = loadConditionGroups();
  assert.ok(groups.filter((g) => g.kind === 'ltc').length >= 10);
  assert.equal(new Set(groups.map((g) => g.id)).size, groups.length);
  assert.ok(groups.find((g) => g.id === 'acsc')!.codes.includes('J44'));
});
