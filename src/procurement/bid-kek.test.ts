// The bid key-encryption key: from WCC_BID_KEY or a 0600 key file made on first use; wrapping binds a
// data key to its competition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bidKekPath, loadBidKek, parseBidKek, unwrapDataKey, wrapDataKey } from './bid-kek.ts';
import { newDataKey } from './sealing.ts';

test('the key file is created once with owner-only permissions and read back the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcc-kek-'));
  try {
    const a = loadBidKek(dir, {});
    assert.equal(statSync(bidKekPath(dir)).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'secrets')).mode & 0o077, 0);
    const b = loadBidKek(dir, {});
    assert.deepEqual(b.key, a.key);
    assert.match(a.id, /^[0-9a-f]{16}$/);
    assert.match(readFileSync(bidKekPath(dir), 'utf8'), /^[0-9a-f]{64}\n$/);
    chmodSync(bidKekPath(dir), 0o644);
    assert.throws(() => loadBidKek(dir, {}), /readable by its owner only/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('WCC_BID_KEY wins over the file and must be 32 bytes in hex or base64', () => {
  const hex = 'ab'.repeat(32);
  assert.deepEqual(loadBidKek('/nonexistent', { WCC_BID_KEY: hex }).key, Buffer.from(hex, 'hex'));
  assert.deepEqual(parseBidKek(Buffer.alloc(32, 7).toString('base64')).key, Buffer.alloc(32, 7));
  assert.throws(() => parseBidKek('too short'), /32 bytes/);
  assert.throws(() => parseBidKek('ab'.repeat(31)), /32 bytes/);
});

test('a wrapped key opens only with its KEK and for its competition', () => {
  const kek = parseBidKek('01'.repeat(32));
  const data = newDataKey();
  const wrapped = wrapDataKey(kek, data, 'c1');
  assert.equal(wrapped.length, 60);
  assert.equal(wrapped.includes(data), false);
  assert.deepEqual(unwrapDataKey(kek, wrapped, 'c1'), data);
  assert.throws(() => unwrapDataKey(kek, wrapped, 'c2'));
  assert.throws(() => unwrapDataKey(parseBidKek('02'.repeat(32)), wrapped, 'c1'));
});
