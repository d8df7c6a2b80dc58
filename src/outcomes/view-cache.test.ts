import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../platform/db.ts';
import { ViewCache } from './view-cache.ts';

function fakeDb(version: { c: string | null }): Db {
  return { query: async () => ({ rows: [{ c: version.c, i: null, s: null }] }) } as unknown as Db;
}

describe('view cache', () => {
  it('serves a view again until the data version changes', async () => {
    const version = { c: '2026-01-01' };
    const cache = new ViewCache(fakeDb(version), 500, 60_000, 0);
    let builds = 0;
    const build = async () => ({ body: `v${++builds}`, type: 'text/plain' });
    assert.equal((await cache.get('k', build)).body, 'v1');
    assert.equal((await cache.get('k', build)).body, 'v1');
    version.c = '2026-01-02';
    assert.equal((await cache.get('k', build)).body, 'v2');
  });

  it('shares one build among concurrent requests and forgets a failed build', async () => {
    const cache = new ViewCache(fakeDb({ c: null }));
    let builds = 0;
    const slow = async () => { builds++; await new Promise((r) => setTimeout(r, 20)); return { body: 'x', type: 'text/plain' }; };
    await Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)]);
    assert.equal(builds, 1);
    await assert.rejects(cache.get('bad', async () => { throw new Error('boom'); }), /boom/);
    assert.equal((await cache.get('bad', async () => ({ body: 'ok', type: 'text/plain' }))).body, 'ok');
  });

  it('trusts one look at the version for a while', async () => {
    const version = { c: 'a' };
    const cache = new ViewCache(fakeDb(version), 500, 60_000, 60_000);
    let builds = 0;
    const build = async () => ({ body: String(++builds), type: 'text/plain' });
    await cache.get('k', build);
    version.c = 'b';
    assert.equal((await cache.get('k', build)).body, '1', 'the version is not read again within versionMs');
    cache.clear();
    assert.equal((await cache.get('k', build)).body, '2');
  });

  it('expires entries after the time limit and keeps at most the configured number', async () => {
    const cache = new ViewCache(fakeDb({ c: null }), 2, 0);
    let builds = 0;
    const build = async () => ({ body: String(++builds), type: 'text/plain' });
    await cache.get('a', build);
    assert.equal((await cache.get('a', build)).body, '2', 'a zero time limit rebuilds every time');
    const lru = new ViewCache(fakeDb({ c: null }), 2);
    await lru.get('a', build); await lru.get('b', build); await lru.get('c', build);
    const before = builds;
    await lru.get('a', build);
    assert.equal(builds, before + 1, 'the least recently used entry was dropped');
  });
});
