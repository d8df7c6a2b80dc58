// The API end to end on a real PostgreSQL: organisations, sign-in, sessions, roles, audit and bad input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from './testing/test-app.ts';

let t: TestApp;
before(async () => { t = await startTestApp(); });
after(async () => { await t.stop(); });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('organisations', () => {
  test('152 PCTs in 2008/09 and 151 after the Hertfordshire merger', async () => {
    assert.equal((await get('/api/orgs?type=pct&asOf=2009-04-01')).json().count, 152);
    assert.equal((await get('/api/orgs?type=pct&asOf=2010-04-01')).json().count, 151);
    assert.equal((await get('/api/orgs?type=sha&asOf=2009-04-01')).json().count, 10);
  });

  test('the PCTs of London on 1 April 2009', async () => {
    const res = await get('/api/orgs?type=pct&parent=Q36&asOf=2009-04-01');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.count, 31);
    assert.ok(body.organisations.every((o: { parentCode: string }) => o.parentCode === 'Q36'));
  });

  test('an organisation comes with its parent, children and successor', async () => {
    const sha = (await get('/api/orgs/Q35?asOf=2009-04-01')).json();
    assert.equal(sha.parent.code, 'ENG');
    assert.ok(sha.children.some((c: { code: string }) => c.code === '5P3'));
    const herts = (await get('/api/orgs/5p4')).json();
    assert.equal(herts.successor.code, '5QV');
    assert.equal(herts.validTo, '2010-03-31');
  });

  test('an unknown code is a 404 problem', async () => {
    const res = await get('/api/orgs/ZZZ');
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().status, 404);
  });

  test('a malformed date and an unknown query field are 400 problems naming the field', async () => {
    const bad = await get('/api/orgs?asOf=2009-13-45');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, 'querystring/asOf');
    const unknown = await get('/api/orgs?colour=red');
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].path, 'querystring/colour');
  });
});

describe('sign-in and sessions', () => {
  test('a demo user signs in and sees their roles and organisation', async () => {
    const headers = await t.signIn('commissioner@wcc.example');
    const me = (await get('/api/session', headers)).json();
    assert.equal(me.principal.email, 'commissioner@wcc.example');
    assert.deepEqual(me.principal.roles.map((r: { role: string; orgCode: string; orgName: string }) => [r.role, r.orgCode, r.orgName]),
      [['pct_commissioner', '5C2', 'Barking & Dagenham PCT']]);
    assert.ok(me.csrfToken.length > 20);
  });

  test('the session cookie is httpOnly, Secure and SameSite=Strict', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'board@wcc.example', password: 'world-class-2008' } });
    const c = res.cookies.find((x) => x.name === 'wcc_session')!;
    assert.equal(c.httpOnly, true);
    assert.equal(c.secure, true);
    assert.equal(c.sameSite, 'Strict');
  });

  test('a wrong password is a 401 that does not say whether the account exists', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'panel@wcc.example', password: 'nope' } });
    const nobody = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nobody@wcc.example', password: 'nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(nobody.statusCode, 401);
    assert.equal(wrong.json().detail, nobody.json().detail);
  });

  test('five failed sign-ins lock the account, even against the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'durham@wcc.example', password: `wrong-${i}` } });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'durham@wcc.example', password: 'world-class-2008' } });
    assert.equal(res.statusCode, 429);
    assert.match(res.json().detail, /locked/);
  });

  test('state-changing requests with a session need the CSRF token', async () => {
    const headers = await t.signIn('analyst@wcc.example');
    const without = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: headers.cookie } });
    assert.equal(without.statusCode, 403);
    const wrongOrigin = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { ...headers, origin: 'https://evil.example' } });
    assert.equal(wrongOrigin.statusCode, 403);
    const ok = await t.app.inject({ method: 'DELETE', url: '/api/session', headers });
    assert.equal(ok.statusCode, 204);
    const after = (await get('/api/session', headers)).json();
    assert.equal(after.principal, null, 'the session ended with sign-out');
  });

  test('an expired session is treated as signed out', async () => {
    const headers = await t.signIn('panel@wcc.example', 'world-class-2008');
    await t.database.db.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
    assert.equal((await get('/api/session', headers)).json().principal, null);
    assert.equal((await get('/api/users', headers)).statusCode, 401);
  });
});

describe('roles', () => {
  test('unknown users get 401, wrong roles 403, the right role 200', async () => {
    assert.equal((await get('/api/users')).statusCode, 401);
    assert.equal((await get('/api/users', await t.signIn('sha.lead@wcc.example'))).statusCode, 403);
    const res = await get('/api/users', await t.signIn('admin@wcc.example'));
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().users.length >= 8);
  });

  test('an administrator adds a user; a role for the wrong kind of organisation is refused', async () => {
    const headers = await t.signIn('admin@wcc.example');
    const ok = await t.app.inject({ method: 'POST', url: '/api/users', headers, payload: {
      email: 'New.Analyst@wcc.example', displayName: 'New Analyst', password: 'a-long-enough-password', roles: [{ role: 'pct_analyst', orgCode: '5ND' }] } });
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().email, 'new.analyst@wcc.example');
    const wrongOrg = await t.app.inject({ method: 'POST', url: '/api/users', headers, payload: {
      email: 'x@wcc.example', displayName: 'X', password: 'a-long-enough-password', roles: [{ role: 'pct_analyst', orgCode: 'Q30' }] } });
    assert.equal(wrongOrg.statusCode, 400);
    assert.equal(wrongOrg.json().errors[0].path, 'roles/0/orgCode');
  });
});

describe('audit trail', () => {
  test('changes leave audit rows that the database refuses to alter', async () => {
    const { rows } = await t.database.db.query("SELECT id FROM audit_log WHERE action = 'user.create' LIMIT 1");
    assert.ok(rows[0]);
    await assert.rejects(t.database.db.query('UPDATE audit_log SET action = $1 WHERE id = $2', ['x', rows[0].id]), /append-only/);
    await assert.rejects(t.database.db.query('DELETE FROM audit_log WHERE id = $1', [rows[0].id]), /append-only/);
    await assert.rejects(t.database.db.query('TRUNCATE audit_log'), /append-only/);
  });

  test('an administrator reads the trail of an object; a PCT user sees only their own organisation', async () => {
    await t.database.db.query(`INSERT INTO audit_log (action, object_type, object_id, org_code) VALUES
      ('outcome.select', 'outcome-selection', 'a', '5C2'), ('outcome.select', 'outcome-selection', 'b', '5ND')`);
    const admin = (await get('/api/audit?object=outcome-selection', await t.signIn('admin@wcc.example'))).json();
    assert.deepEqual(admin.entries.map((e: { orgCode: string }) => e.orgCode).sort(), ['5C2', '5ND']);
    const pct = (await get('/api/audit?object=outcome-selection', await t.signIn('commissioner@wcc.example'))).json();
    assert.deepEqual(pct.entries.map((e: { orgCode: string }) => e.orgCode), ['5C2']);
    const sha = (await get('/api/audit?object=outcome-selection', await t.signIn('sha.lead@wcc.example'))).json();
    assert.deepEqual(sha.entries.map((e: { orgCode: string }) => e.orgCode), ['5C2'], 'London SHA sees its PCT, not County Durham');
    assert.equal((await get('/api/audit', await t.signIn('board@wcc.example'))).statusCode, 403);
  });
});

describe('bad input is a 4xx problem, never a 500', () => {
  test('malformed JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().detail, /not valid JSON/);
  });
  test('unknown fields and wrong types', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 42, password: 'x', admin: true } });
    assert.equal(res.statusCode, 400);
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['body/admin', 'body/email']);
  });
  test('a huge body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a'.repeat(2_000_000), password: 'x' }) });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().status, 413);
  });
  test('an unsupported media type and an unknown route', async () => {
    const media = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    assert.equal(media.statusCode, 415);
    const missing = await get('/api/nothing-here');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.headers['content-type'] as string, /problem\+json/);
  });
});

describe('platform', () => {
  test('health reports the database and its version', async () => {
    const body = (await get('/api/health')).json();
    assert.equal(body.status, 'ok');
    assert.match(body.database.version, /^17\./);
  });

  test('OpenAPI is served at /api/docs', async () => {
    const res = await get('/api/docs/json');
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().paths['/api/orgs/']);
  });

  test('security headers are set', async () => {
    const res = await get('/api/health');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });

  test('a job reports progress and result to its creator only', async () => {
    t.jobs.register('test.count', async (ctx) => {
      for (let i = 1; i <= 3; i++) await ctx.progress(i, 3, `step ${i}`);
      return { counted: 3 };
    });
    const admin = await t.signIn('admin@wcc.example');
    const me = (await get('/api/session', admin)).json();
    const id = await t.jobs.enqueue('test.count', {}, me.principal.userId);
    // Wait for the job itself, with a generous limit so a stuck job fails here rather than hanging the run.
    let timer: NodeJS.Timeout | undefined;
    const tooLong = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`job ${id} did not finish within 120 s`)), 120_000); });
    await Promise.race([t.jobs.waitFor(id), tooLong]).finally(() => clearTimeout(timer));
    const job = (await get(`/api/jobs/${id}`, admin)).json();
    assert.equal(job.status, 'succeeded');
    assert.equal(job.progressDone, 3);
    assert.deepEqual(job.result, { counted: 3 });
    assert.equal((await get(`/api/jobs/${id}`, await t.signIn('board@wcc.example'))).statusCode, 404);
    assert.equal((await get(`/api/jobs/${id}`)).statusCode, 401);
  });
});

test('too many sign-in attempts from one address are refused with 429', async () => {
  const limited = await startTestApp({ signInAttemptsPerAddress: 3 });
  try {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await limited.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'x@wcc.example', password: 'y' } })).statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  } finally {
    await limited.stop();
  }
});
