// Demo data for assurance: extra demo users and a 2009/10 cycle in which each demo user has something to
// do — the 5C2 commissioner a half-finished self-assessment, County Durham (5ND) one to start, the London
// SHA lead a panel to assign for 5C2, the panel members a submitted PCT (5C3) to score, the national team
// the timetable. Idempotent: it does nothing when a WCC 2009-10 cycle exists.
import type { Db } from '../platform/db.ts';
import { createUser } from '../platform/auth/users.ts';
import { loadPrincipal } from '../platform/auth/users.ts';
import type { Principal, RoleGrant } from '../platform/auth/policy.ts';
import { DEMO_PASSWORD } from '../platform/demo.ts';
import { scoredCompetencies, type Level } from './framework.ts';
import { getFramework, syncAssuranceFrameworks } from './repo.ts';
import { openCycle } from './cycle-service.ts';
import { saveSelfScores, submitSelfAssessment } from './self-assessment-service.ts';
import { assignPanel } from './panel-service.ts';
import { addStakeholders } from './survey-service.ts';

export const assuranceDemoUsers: { email: string; displayName: string; roles: RoleGrant[] }[] = [
  { email: 'panel2@wcc.example', displayName: 'Omar Reid (London SHA panel)', roles: [{ role: 'sha_panel_member', orgCode: 'Q36' }] },
  { email: 'ne.lead@wcc.example', displayName: 'Helen Shaw (North East SHA assurance lead)', roles: [{ role: 'sha_assurance_lead', orgCode: 'Q30' }] },
  { email: 'ne.panel@wcc.example', displayName: 'Ian Brown (North East SHA panel)', roles: [{ role: 'sha_panel_member', orgCode: 'Q30' }] },
];

export async function seedAssuranceDemoUsers(db: Db): Promise<void> {
  for (const u of assuranceDemoUsers) {
    const { rows } = await db.query('SELECT 1 FROM users WHERE email = $1', [u.email]);
    if (!rows.length) await createUser(db, { ...u, password: DEMO_PASSWORD }, null);
  }
}

async function principal(db: Db, email: string): Promise<Principal> {
  const { rows } = await db.query('SELECT id FROM users WHERE email = $1', [email]);
  const p = rows.length ? await loadPrincipal(db, rows[0].id) : null;
  if (!p) throw new Error(`demo user ${email} is missing`);
  return p;
}

const day = 86_400_000;
const date = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Seeds the assurance demo; returns false when it was already there. */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  await syncAssuranceFrameworks(db);
  await seedAssuranceDemoUsers(db);
  const exists = await db.query("SELECT 1 FROM assurance_cycles WHERE framework_id = 'wcc' AND year = '2009-10'");
  if (exists.rows.length) return false;
  const f = await getFramework(db, 'wcc', '2009-10');
  if (!f || f.era !== 'wcc') throw new Error('framework wcc@2009-10 is not stored');
  const t = now.getTime();
  const admin = await principal(db, 'admin@wcc.example');
  const cycle = await openCycle(db, admin, {
    year: '2009-10', frameworkId: 'wcc', frameworkVersion: '2009-10',
    timetable: {
      selfAssessmentDeadline: new Date(t + 21 * day).toISOString(), surveyOpens: new Date(t - 7 * day).toISOString(),
      surveyCloses: new Date(t + 14 * day).toISOString(), panelsFrom: date(t + 22 * day), panelsTo: date(t + 35 * day),
      calibrationBy: date(t + 45 * day), publicationAt: new Date(t + 60 * day).toISOString(),
    },
  });
  const subs = scoredCompetencies(f).flatMap((c) => c.subCriteria);
  const level = (i: number, shift: number): Level => (((i + shift) % 3) + 1) as Level;
  const commissioner = await principal(db, 'commissioner@wcc.example');
  await saveSelfScores(db, commissioner, cycle.id, '5C2', subs.slice(0, Math.floor(subs.length / 2)).map((s, i) => ({
    subCriterion: s.number, level: level(i, 1), narrative: `Barking & Dagenham: our evidence for ${s.number} ${s.title.toLowerCase()}.`,
  })), now);
  await addStakeholders(db, commissioner, cycle.id, '5C2', [
    { name: 'Councillor Ada Green', email: 'ada.green@lbbd.example', group: 'local-authority' },
    { name: 'Dr Raj Singh', email: 'raj.singh@practice.example', group: 'gp-practices' },
    { name: 'Barking Havering and Redbridge Trust', email: 'contracts@bhrut.example', group: 'providers' },
  ]);
  // 5C3 (City and Hackney) has submitted; London's panel is assigned and has scoring to do.
  const lead = await principal(db, 'sha.lead@wcc.example');
  const { rows: other } = await db.query(
    "SELECT o.code FROM organisations o JOIN organisation_hierarchy h ON h.child_code = o.code WHERE h.parent_code = 'Q36' AND o.type = 'pct' AND o.code <> '5C2' ORDER BY o.code LIMIT 1");
  if (other.length) {
    const code = other[0].code as string;
    const staff = { ...commissioner, roles: [{ role: 'pct_commissioner' as const, orgCode: code }] };
    await saveSelfScores(db, staff, cycle.id, code, subs.map((s, i) => ({ subCriterion: s.number, level: level(i, 2), narrative: `Self-assessed evidence for ${s.number}.` })), now);
    await submitSelfAssessment(db, staff, cycle.id, code, now);
    await assignPanel(db, lead, cycle.id, code, [{ email: 'panel@wcc.example', chair: true }, { email: 'panel2@wcc.example', chair: false }]);
  }
  return true;
}
