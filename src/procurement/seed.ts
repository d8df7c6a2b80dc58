// Demo seed for buying, sharing and building support: FESC with its lots and 14 suppliers, supplier and
// evaluator accounts, case studies, events, an action learning set and demo competency scores.
// Idempotent: does nothing when FESC exists. Call at start-up after the demo users (see docs/PROCUREMENT.md).
import { withTransaction, type Db } from '../platform/db.ts';
import { createUser } from '../platform/auth/users.ts';
import type { RoleGrant } from '../platform/auth/policy.ts';
import { DEMO_PASSWORD } from '../platform/demo.ts';
import { createFramework } from './frameworks.ts';
import { createEvent } from '../support/events.ts';
import { seedNorthamptonshireHistory } from './seed-history.ts';
import { demoCaseStudies, demoScores, fesc, fescSuppliers } from './seed-data.ts';

export const procurementDemoUsers: { email: string; displayName: string; roles: RoleGrant[] }[] = [
  { email: 'supplier.bupa@wcc.example', displayName: 'Beth Upton (BUPA, framework supplier)', roles: [{ role: 'framework_supplier', orgCode: 'SUP-BUPA' }] },
  { email: 'supplier.mckinsey@wcc.example', displayName: 'Mark Kinsey (McKinsey, framework supplier)', roles: [{ role: 'framework_supplier', orgCode: 'SUP-MCKINSEY' }] },
  { email: 'evaluator.one@wcc.example', displayName: 'Dr Elaine Ford (Barking & Dagenham PCT board, evaluator)', roles: [{ role: 'pct_board_member', orgCode: '5C2' }] },
  { email: 'evaluator.two@wcc.example', displayName: 'Omar Tariq (London SHA commissioning adviser, evaluator)', roles: [{ role: 'sha_panel_member', orgCode: 'Q36' }] },
  { email: 'facilitator@wcc.example', displayName: 'Fiona Hart (action learning facilitator)', roles: [] },
];

export async function seedProcurementDemo(db: Db, password = DEMO_PASSWORD): Promise<boolean> {
  const exists = await db.query(`SELECT 1 FROM procurement_frameworks WHERE id = 'FESC'`);
  if (exists.rowCount) return false;
  for (const u of procurementDemoUsers) {
    const has = await db.query('SELECT 1 FROM users WHERE email = $1', [u.email]);
    if (!has.rowCount) await createUser(db, { ...u, password }, null);
  }
  await createFramework(db, null, fesc, fescSuppliers);
  await withTransaction(db, async (client) => {
    await client.query(`INSERT INTO procurement_supplier_documents (framework_id, supplier_id, kind, title, body)
      SELECT 'FESC', id, 'declaration', 'No direct patient care', 'We will not provide direct patient care under any call-off from this framework.' FROM procurement_suppliers`);
    await client.query(`INSERT INTO procurement_supplier_documents (framework_id, supplier_id, kind, title, body)
      VALUES ('FESC', 'SUP-TRIBAL', 'document', 'Professional indemnity insurance certificate', 'Cover of £10m per claim, renewed annually (demo).')`);
    for (const c of demoCaseStudies) {
      await client.query(`INSERT INTO support_case_studies (pct_code, title, summary, body, outcome, setting, competencies, status, reviewed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, 'approved', now())`, [c.pctCode, c.title, c.summary, c.body, c.outcome, c.setting, c.competencies]);
    }
    for (const s of demoScores) {
      for (const [i, level] of s.levels.entries()) {
        await client.query('INSERT INTO support_competency_scores (pct_code, year, competency, level) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [s.pctCode, s.year, i + 1, level]);
      }
    }
  });
  const past = await createEvent(db, null, { title: 'Needs assessment and risk stratification workshop', kind: 'workshop', description: 'Hands-on JSNA, segmentation and predictive risk for PCT analysts.', venue: 'Leeds', startsAt: '2008-11-12T09:30:00Z', capacity: 40, competencies: [5, 6] });
  await createEvent(db, null, { title: 'Procurement skills for commissioners', kind: 'workshop', description: 'Running a mini-competition under FESC: business case, evaluation, standstill and contract management.', venue: 'Birmingham', startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), capacity: 30, competencies: [7, 9] });
  await withTransaction(db, async (client) => {
    await client.query(`INSERT INTO support_event_registrations (event_id, user_id, pct_code) SELECT $1, id, '5C2' FROM users WHERE email IN ('commissioner@wcc.example', 'analyst@wcc.example')`, [past.id]);
    const f = (await client.query(`SELECT id FROM users WHERE email = 'facilitator@wcc.example'`)).rows[0];
    const { rows } = await client.query(`INSERT INTO support_learning_sets (title, focus, competencies, lead_pct_code, facilitator_user_id, created_at)
      VALUES ('Procurement and market development', 'Running our first mini-competitions and managing call-off contracts', '{7,9}', '5C2', $1, '2008-06-01') RETURNING id`, [f.id]);
    for (const code of ['5C2', '5AT', '5HG']) await client.query('INSERT INTO support_learning_set_pcts (set_id, pct_code) VALUES ($1, $2)', [rows[0].id, code]);
    await client.query(`INSERT INTO support_learning_set_meetings (set_id, meets_on, topic, notes) VALUES ($1, '2008-07-10', 'Writing the business case', 'Agreed to share business case templates; Hillingdon to present its FESC pilot next time.')`, [rows[0].id]);
  });
  await seedNorthamptonshireHistory(db);
  return true;
}
