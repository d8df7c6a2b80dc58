import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionOrder, type SessionOrder } from './session-order.ts';

// A promise settled by hand, to deliver answers in any order.
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

// What the session provider does with the order: GET /api/session through request(), and a sign-in
// that the server confirmed takes a ticket before its answer is accepted.
function provider(order: SessionOrder = sessionOrder()) {
  const accepted: string[] = [];
  const errors: string[] = [];
  return {
    accepted, errors,
    async refresh(answer: Promise<string>) {
      const r = await order.request(() => answer);
      if (!r.current) return;
      if (r.ok) accepted.push(r.value); else errors.push(String((r.error as Error).message));
    },
    async signIn(answer: Promise<string>) {
      const s = await answer;
      order.begin();
      accepted.push(s);
    },
  };
}

test('a ticket is latest until another is taken', () => {
  const order = sessionOrder();
  const a = order.begin();
  assert.ok(order.isLatest(a));
  const b = order.begin();
  assert.ok(!order.isLatest(a));
  assert.ok(order.isLatest(b));
});

test('an answer to an earlier request that arrives after a later one is ignored', async () => {
  const p = provider();
  const first = deferred<string>();
  const second = deferred<string>();
  const r1 = p.refresh(first.promise);
  const r2 = p.refresh(second.promise);
  second.resolve('signed in');
  await r2;
  first.resolve('nobody');
  await r1;
  assert.deepEqual(p.accepted, ['signed in']);
});

test('the first "nobody signed in" answer landing after sign-in does not sign the user out', async () => {
  const p = provider();
  const initial = deferred<string>();
  const load = p.refresh(initial.promise);
  await p.signIn(Promise.resolve('ann'));
  initial.resolve('nobody');
  await load;
  assert.deepEqual(p.accepted, ['ann']);
});

test('a stale failure is ignored too; a current one is reported', async () => {
  const p = provider();
  const first = deferred<string>();
  const r1 = p.refresh(first.promise);
  await p.refresh(Promise.resolve('ann'));
  first.reject(new Error('network down'));
  await r1;
  assert.deepEqual(p.errors, []);
  await p.refresh(Promise.reject(new Error('server down')));
  assert.deepEqual(p.errors, ['server down']);
  assert.deepEqual(p.accepted, ['ann']);
});

test('answers in order are all accepted, and a request started after sign-in counts', async () => {
  const p = provider();
  await p.refresh(Promise.resolve('nobody'));
  await p.signIn(Promise.resolve('ann'));
  await p.refresh(Promise.resolve('ann again'));
  assert.deepEqual(p.accepted, ['nobody', 'ann', 'ann again']);
});

test('a failed sign-in takes no ticket, so the pending first answer still counts', async () => {
  const p = provider();
  const initial = deferred<string>();
  const load = p.refresh(initial.promise);
  await assert.rejects(p.signIn(Promise.reject(new Error('401'))));
  initial.resolve('nobody');
  await load;
  assert.deepEqual(p.accepted, ['nobody']);
});

test('sign-out: the answer after signing out wins over one started before it', async () => {
  const p = provider();
  const before = deferred<string>();
  const during = p.refresh(before.promise);        // started while still signed in
  await p.refresh(Promise.resolve('nobody'));      // the refresh after sign-out
  before.resolve('ann');
  await during;
  assert.deepEqual(p.accepted, ['nobody']);
});
