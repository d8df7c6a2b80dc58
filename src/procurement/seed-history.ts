// A historical call-off for the demo register: Northamptonshire's end-to-end contract, ended a year early
// as the real one was. Value, dates and scores are illustrative. Written with SQL in the shape the
// services leave behind (sealed bids, opened prices, moderated scores, contract, KPI reports), then
// published in OCDS at the dates the steps would have happened.
import { withTransaction, type Db } from '../platform/db.ts';
import { newDataKey, seal, digestOf } from './sealing.ts';
import { publishCallOff } from './ocds-publish.ts';

const bids = [
  { supplierId: 'SUP-UNITEDHEALTH', price: 2_400_000, scores: { approach: 4, capability: 5 } },
  { supplierId: 'SUP-HUMANA', price: 2_100_000, scores: { approach: 3, capability: 4 } },
  { supplierId: 'SUP-BUPA', price: 2_600_000, scores: { approach: 4, capability: 4 } },
];

export async function seedNorthamptonshireHistory(db: Db): Promise<void> {
  await withTransaction(db, async (client) => {
    const { rows: [c] } = await client.query(
      `INSERT INTO procurement_competitions (reference, pct_code, framework_id, lot_code, title, status, need, competencies, budget_pounds,
         board_approved_on, board_minute, requirement, quality_weight, criteria, contract_months, bid_deadline, tender_published_at)
       VALUES ('FESC-5PD-001', '5PD', 'FESC', 'E2E', 'End-to-end commissioning support (illustrative)', 'tendering',
         'Build commissioning capability across the whole cycle while the PCT develops its own.', '{5,6,10}', 2700000,
         '2008-01-24', 'Board minute 08/07 (illustrative)', 'End-to-end commissioning support under the PCT''s direction.',
         70, $1, 36, now() + interval '1 hour', '2008-02-01T09:00:00Z') RETURNING id`,
      [JSON.stringify([{ key: 'approach', title: 'Approach', weight: 40 }, { key: 'capability', title: 'Capability transfer', weight: 30 }])]);
    const key = newDataKey();
    await client.query('INSERT INTO procurement_bid_keys (competition_id, data_key) VALUES ($1, $2)', [c.id, key]);
    for (const s of ['SUP-UNITEDHEALTH', 'SUP-HUMANA', 'SUP-BUPA', 'SUP-LOWRY', 'SUP-NORTHGATE-CP']) {
      await client.query(`INSERT INTO procurement_invitations (competition_id, supplier_id, invited_at) VALUES ($1, $2, '2008-02-01T09:00:00Z')`, [c.id, s]);
    }
    for (const b of bids) {
      const text = JSON.stringify({ response: `Illustrative response from ${b.supplierId}`, pricePounds: b.price, documents: [] });
      await client.query(`INSERT INTO procurement_bids (competition_id, supplier_id, sealed_content, digest, submitted_at) VALUES ($1, $2, $3, $4, '2008-03-10T12:00:00Z')`,
        [c.id, b.supplierId, seal(key, text, `${c.id}/${b.supplierId}`), digestOf(text)]);
    }
    await client.query(`UPDATE procurement_competitions SET bid_deadline = '2008-03-14T12:00:00Z', status = 'bids_opened', bids_opened_at = '2008-03-14T14:00:00Z' WHERE id = $1`, [c.id]);
    for (const b of bids) {
      await client.query('INSERT INTO procurement_opened_prices (competition_id, supplier_id, price_pounds) VALUES ($1, $2, $3)', [c.id, b.supplierId, b.price]);
      for (const [criterion, score] of Object.entries(b.scores)) {
        await client.query(`INSERT INTO procurement_moderated_scores (competition_id, supplier_id, criterion, score, rationale, moderated_at) VALUES ($1, $2, $3, $4, 'Panel consensus (illustrative)', '2008-04-02')`, [c.id, b.supplierId, criterion, score]);
      }
    }
    await client.query(`UPDATE procurement_competitions SET status = 'awarded', preferred_supplier_id = 'SUP-UNITEDHEALTH',
      standstill_ends_at = '2008-04-14T09:00:00Z', awarded_at = '2008-04-21T09:00:00Z' WHERE id = $1`, [c.id]);
    await publishCallOff(client, c.id, 'tender', new Date('2008-02-01T09:00:00Z'));
    const { rows: [k] } = await client.query(
      `INSERT INTO procurement_contracts (competition_id, pct_code, supplier_id, title, value_pounds, starts_on, ends_on, deliverables, signed_at)
       VALUES ($1, '5PD', 'SUP-UNITEDHEALTH', 'End-to-end commissioning support (illustrative)', 2400000, '2008-06-01', '2011-05-31',
               '{"Needs assessment and strategic plan","Contract management of acute providers","Capability transfer to PCT staff"}', '2008-04-21T09:00:00Z') RETURNING id`, [c.id]);
    await client.query(`INSERT INTO procurement_kpis (contract_id, kpi_code, title, direction, target, tolerance) VALUES ($1, 'K1', 'Milestones delivered on time (%)', 'higher', 90, 10)`, [k.id]);
    for (const [period, value, rag] of [['2008-09-Q2', 92, 'green'], ['2008-09-Q4', 84, 'amber'], ['2009-10-Q2', 71, 'red']] as const) {
      await client.query(`INSERT INTO procurement_kpi_reports (contract_id, kpi_code, period, value, rag) VALUES ($1, 'K1', $2, $3, $4)`, [k.id, period, value, rag]);
    }
    await publishCallOff(client, c.id, 'award', new Date('2008-04-21T09:00:00Z'));
    await publishCallOff(client, c.id, 'contract', new Date('2008-04-21T09:00:00Z'));
    await client.query(`UPDATE procurement_contracts SET status = 'terminated', terminated_on = '2010-05-31',
      termination_reason = 'Ended a year early by agreement: the PCT took the work in house (as the real Northamptonshire contract ended a year early)' WHERE id = $1`, [k.id]);
    await publishCallOff(client, c.id, 'contractTermination', new Date('2010-05-31T17:00:00Z'));
  });
}
