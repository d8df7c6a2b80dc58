import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWeights, kpiRag, monthsBetween, priceScore, rankBids, standstillEnds, termEnd } from './evaluation.ts';
import { digestOf, newDataKey, seal, unseal } from './sealing.ts';

const criteria = [{ key: 'method', title: 'Method', weight: 40 }, { key: 'team', title: 'Team', weight: 30 }];

test('price score is lowest price / bid price × price weight', () => {
  assert.equal(priceScore(100_000, 100_000, 30), 30);
  assert.equal(priceScore(125_000, 100_000, 30), 24);
});

test('weights must add up to the quality weight', () => {
  assert.deepEqual(checkWeights(70, criteria), []);
  assert.match(checkWeights(60, criteria)[0]!, /add up to 70, not the quality weight 60/);
  assert.equal(checkWeights(70, [criteria[0]!, criteria[0]!]).some((p) => p.includes('twice')), true);
});

test('ranks bids on quality plus price, 70/30', () => {
  const ranked = rankBids(70, criteria, [
    { supplierId: 'SUP-A', price: 200_000, scores: { method: 5, team: 5 } },   // 70 + 15 = 85
    { supplierId: 'SUP-B', price: 100_000, scores: { method: 3, team: 3 } },   // 42 + 30 = 72
    { supplierId: 'SUP-C', price: 150_000, scores: { method: 4, team: 5 } },   // 62 + 20 = 82
  ]);
  assert.deepEqual(ranked.map((r) => [r.supplierId, r.total, r.rank]), [['SUP-A', 85, 1], ['SUP-C', 82, 2], ['SUP-B', 72, 3]]);
  assert.equal(ranked[1]!.priceScore, 20);
  assert.throws(() => rankBids(70, criteria, [{ supplierId: 'X', price: 1, scores: { method: 1 } }]), /no score for criterion "team"/);
});

test('standstill ends ten calendar days after the notice', () => {
  assert.equal(standstillEnds(new Date('2008-03-01T12:00:00Z')).toISOString(), '2008-03-11T12:00:00.000Z');
});

test('KPI RAG: green at target, amber within tolerance, red beyond, in either direction', () => {
  assert.equal(kpiRag(95, 95, 5, 'higher'), 'green');
  assert.equal(kpiRag(91, 95, 5, 'higher'), 'amber');
  assert.equal(kpiRag(80, 95, 5, 'higher'), 'red');
  assert.equal(kpiRag(12, 10, 3, 'lower'), 'amber');
  assert.equal(kpiRag(9, 10, 3, 'lower'), 'green');
});

test('months between dates and the end of a term', () => {
  assert.equal(monthsBetween('2008-04-01', '2011-03-31'), 36);
  assert.equal(monthsBetween('2008-04-01', '2011-04-02'), 37);
  assert.equal(termEnd('2008-04-01', 36), '2011-03-31');
});

test('sealed content opens only with its key and its competition/supplier binding', () => {
  const key = newDataKey();
  const box = seal(key, '{"price":1}', 'c1/SUP-A');
  assert.equal(box.includes(Buffer.from('price')), false, 'the ciphertext does not carry the plaintext');
  assert.equal(unseal(key, box, 'c1/SUP-A'), '{"price":1}');
  assert.throws(() => unseal(newDataKey(), box, 'c1/SUP-A'));
  assert.throws(() => unseal(key, box, 'c1/SUP-B'));
  assert.equal(digestOf('a').length, 64);
});
