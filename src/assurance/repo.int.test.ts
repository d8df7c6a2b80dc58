import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { loadFrameworks, loadFrameworkText } from './load-frameworks.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRAMEWORKS_DIR } from './load-frameworks.ts';
import { getFramework, getPolicy, listFrameworkVersions, loadCycleScorecards, syncAssuranceFrameworks, syncFrameworks } from './repo.ts';

let t: TestDatabase;
before(async () => { t = await startTestDatabase(); });
after(async () => { await t?.stop(); });

const edited = () => loadFrameworkText(
  readFileSync(join(FRAMEWORKS_DIR, 'wcc-2009-10.yaml'), 'utf8').replace('Locally lead the NHS', 'Lead the local NHS'),
  'wcc-2009-10.yaml');

test('loads every framework and policy once, then finds nothing to do', async () => {
  const first = await syncAssuranceFrameworks(t.db);
  assert.deepEqual(first.frameworks.inserted.sort(), ['nhs-oversight@2025-26', 'wcc@2008-09', 'wcc@2009-10']);
  assert.deepEqual(first.policies.inserted, ['wcc-earned-autonomy@2009-10']);
  const second = await syncAssuranceFrameworks(t.db);
  assert.deepEqual(second.frameworks.inserted, []);
  assert.equal(second.frameworks.unchanged.length, 3);
  assert.equal(second.policies.unchanged.length, 1);
  const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'assurance.version.loaded'`);
  assert.equal(audit.rows[0].n, 4);
});

test('a stored version reads back equal to the file it came from', async () => {
  const fromFile = loadFrameworks().find((l) => l.framework.version === '2009-10')?.framework;
  assert.deepEqual(await getFramework(t.db, 'wcc', '2009-10'), fromFile);
  assert.equal(await getFramework(t.db, 'wcc', '1999-00'), null);
  assert.equal((await getPolicy(t.db, 'wcc-earned-autonomy', '2009-10'))?.rules.length, 3);
  assert.equal((await listFrameworkVersions(t.db)).length, 3);
});

test('an unused version can be corrected; once a cycle uses it, it cannot change or be deleted', async () => {
  const changed = await syncFrameworks(t.db, [edited()]);
  assert.deepEqual(changed.updated, ['wcc@2009-10']);
  assert.equal((await getFramework(t.db, 'wcc', '2009-10') as { competencies: { title: string }[] }).competencies[0].title, 'Lead the local NHS');

  await t.db.query(
    `INSERT INTO assurance_cycles (year, framework_id, framework_version, self_assessment_deadline, survey_opens, survey_closes,
       panels_from, panels_to, calibration_by, publication_at)
     VALUES ('2009-10', 'wcc', '2009-10', '2010-01-15T17:00Z', '2009-11-01T00:00Z', '2009-12-15T00:00Z',
       '2010-02-01', '2010-03-12', '2010-04-09', '2010-05-20T09:00Z')`);
  const versions = await listFrameworkVersions(t.db);
  assert.equal(versions.find((v) => v.version === '2009-10')?.locked, true);
  assert.equal(versions.find((v) => v.version === '2008-09')?.locked, false);

  const original = loadFrameworks().filter((l) => l.framework.version === '2009-10');
  const refused = await syncFrameworks(t.db, original);
  assert.deepEqual(refused.updated, []);
  assert.equal(refused.refused.length, 1);
  assert.match(refused.refused[0].reason, /used by an assurance cycle/);

  await assert.rejects(t.db.query(`UPDATE assurance_frameworks SET content = content || '{"title":"x"}' WHERE version = '2009-10'`),
    /cannot change; add a new version/);
  await assert.rejects(t.db.query(`DELETE FROM assurance_frameworks WHERE version = '2009-10'`), /cannot be deleted/);
});

test('a cycle timetable out of order is rejected by the database', async () => {
  await assert.rejects(t.db.query(
    `INSERT INTO assurance_cycles (year, framework_id, framework_version, self_assessment_deadline, survey_opens, survey_closes,
       panels_from, panels_to, calibration_by, publication_at)
     VALUES ('2008-09', 'wcc', '2008-09', '2009-03-15T17:00Z', '2008-11-01T00:00Z', '2008-12-15T00:00Z',
       '2009-02-01', '2009-03-12', '2009-04-09', '2009-05-20T09:00Z')`), /check constraint/);
});

test('scorecards for a cycle come from the agreed scores; an incompletely scored PCT is listed, not guessed', async () => {
  await t.db.query(`INSERT INTO organisations (code, name, type, valid_from) VALUES
    ('Q30', 'North East', 'sha', '2006-07-01'), ('5D7', 'Newcastle PCT', 'pct', '2006-10-01'), ('5KG', 'South Tyneside PCT', 'pct', '2006-10-01')`);
  const cycleId = (await t.db.query(`SELECT id FROM assurance_cycles WHERE year = '2009-10'`)).rows[0].id as string;
  const f = await getFramework(t.db, 'wcc', '2009-10');
  assert.ok(f && f.era === 'wcc');
  const subIndicators = f.governance.areas.flatMap((a) => a.subIndicators.map((s) => s.id));
  for (const org of ['5D7', '5KG']) {
    for (const c of f.competencies) {
      await t.db.query(`INSERT INTO assurance_agreed_scores (cycle_id, org_code, item_kind, item, level, rationale)
        VALUES ($1, $2, 'competency', $3, $4, 'agreed at panel')`, [cycleId, org, String(c.number), c.number === 5 ? 2 : 3]);
    }
    for (const s of subIndicators) {
      if (org === '5KG' && s === 'B5') continue;
      await t.db.query(`INSERT INTO assurance_agreed_scores (cycle_id, org_code, item_kind, item, rag, rationale)
        VALUES ($1, $2, 'sub_indicator', $3, $4, 'agreed at panel')`, [cycleId, org, s, s === 'F2' ? 'amber' : 'green']);
    }
  }
  const { scorecards, incomplete } = await loadCycleScorecards(t.db, cycleId);
  assert.deepEqual(scorecards.map((s) => [s.orgCode, s.name, s.governanceOverall, s.competencyLevels[5]]), [['5D7', 'Newcastle PCT', 'green', 2]]);
  assert.deepEqual(incomplete, [{ orgCode: '5KG', problem: '5KG: no rating for governance sub-indicators B5' }]);
  await assert.rejects(t.db.query(`INSERT INTO assurance_agreed_scores (cycle_id, org_code, item_kind, item, level, rationale)
    VALUES ($1, '5D7', 'sub_indicator', 'S9', 3, 'x')`, [cycleId]), /check constraint/);
  await assert.rejects(loadCycleScorecards(t.db, '00000000-0000-0000-0000-000000000000'), /does not exist/);
});
