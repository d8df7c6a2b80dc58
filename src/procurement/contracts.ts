// Call-off contracts: award after standstill, the register, KPI reports with a RAG per period,
// variations and extensions within the framework's maximum call-off length, early termination with a
// reason, and each supplier's performance across PCTs.
import type pg from 'pg';
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import { can, readableScope, type Principal } from '../platform/auth/policy.ts';
import { loadCompetition, requirePctWriter, requireStatus, shaOf, supplierIdsOf, viewerOf } from './access.ts';
import { kpiRag, monthsBetween, termEnd } from './evaluation.ts';
import { publishCallOff } from './ocds-publish.ts';

export interface KpiInput { code: string; title: string; direction: 'higher' | 'lower'; target: number; tolerance: number }

export async function award(db: Db, p: Principal, id: string, a: { startsOn: string; deliverables: string[]; kpis: KpiInput[] }, now = new Date()): Promise<{ contractId: string }> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'standstill');
    if (now < c.standstill_ends_at!) throw new AppError('conflict', `The standstill period runs until ${c.standstill_ends_at!.toISOString()}; award after it ends.`);
    const price = (await client.query('SELECT price_pounds FROM procurement_opened_prices WHERE competition_id = $1 AND supplier_id = $2', [id, c.preferred_supplier_id])).rows[0].price_pounds;
    const endsOn = termEnd(a.startsOn, c.contract_months!);
    const { rows } = await client.query(
      `INSERT INTO procurement_contracts (competition_id, pct_code, supplier_id, title, value_pounds, starts_on, ends_on, deliverables, signed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, [id, c.pct_code, c.preferred_supplier_id, c.title, price, a.startsOn, endsOn, a.deliverables, now]);
    const contractId: string = rows[0].id;
    for (const k of a.kpis) {
      await client.query('INSERT INTO procurement_kpis (contract_id, kpi_code, title, direction, target, tolerance) VALUES ($1, $2, $3, $4, $5, $6)',
        [contractId, k.code, k.title, k.direction, k.target, k.tolerance]);
    }
    await client.query(`UPDATE procurement_competitions SET status = 'awarded', awarded_at = $2 WHERE id = $1`, [id, now]);
    await recordAudit(client, { actor: p, action: 'procurement.award', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { contractId, supplierId: c.preferred_supplier_id, value: price, startsOn: a.startsOn, endsOn } });
    await publishCallOff(client, id, 'award', now);
    await publishCallOff(client, id, 'contract', now);
    return { contractId };
  });
}

interface ContractRow { id: string; competition_id: string; pct_code: string; supplier_id: string; status: string; starts_on: string; ends_on: string; value_pounds: number }

async function loadContract(client: pg.ClientBase | pg.Pool, p: Principal | null, id: string, write: boolean): Promise<ContractRow> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('not_found', 'There is no such contract.');
  const { rows } = await client.query(`SELECT * FROM procurement_contracts WHERE id = $1${write ? ' FOR UPDATE' : ''}`, [id]);
  const k = rows[0] as ContractRow | undefined;
  if (!k) throw new AppError('not_found', 'There is no such contract.');
  const target = { orgCode: k.pct_code, shaCode: await shaOf(client, k.pct_code) };
  const own = supplierIdsOf(p).includes(k.supplier_id);
  if (!can(p, 'org-data:read', target) && !own) throw new AppError('not_found', 'There is no such contract.');
  if (write && !can(p, 'org-data:write', target) && !own) throw new AppError('forbidden', 'Only the PCT or the supplier can change this contract.');
  return k;
}

export async function reportKpi(db: Db, p: Principal, contractId: string, r: { kpiCode: string; period: string; value: number; note: string }) {
  return withTransaction(db, async (client) => {
    const k = await loadContract(client, p, contractId, true);
    const kpi = (await client.query('SELECT * FROM procurement_kpis WHERE contract_id = $1 AND kpi_code = $2', [contractId, r.kpiCode])).rows[0];
    if (!kpi) throw new AppError('invalid', `The contract has no KPI ${r.kpiCode}.`, [{ path: 'kpiCode', message: 'is not a KPI of the contract' }]);
    const rag = kpiRag(r.value, Number(kpi.target), Number(kpi.tolerance), kpi.direction);
    await client.query(`INSERT INTO procurement_kpi_reports (contract_id, kpi_code, period, value, rag, note, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (contract_id, kpi_code, period) DO UPDATE SET value = $4, rag = $5, note = $6, reported_by = $7, reported_at = now()`,
    [contractId, r.kpiCode, r.period, r.value, rag, r.note, p.userId]);
    await recordAudit(client, { actor: p, action: 'procurement.kpi.report', objectType: 'procurement_contract', objectId: contractId, orgCode: k.pct_code, after: { ...r, rag } });
    return { rag };
  });
}

export async function varyContract(db: Db, p: Principal, contractId: string, v: { kind: 'variation' | 'extension'; description: string; newEndsOn: string; newValue: number; agreedOn: string }) {
  await withTransaction(db, async (client) => {
    const k = await loadContract(client, p, contractId, true);
    if (!can(p, 'org-data:write', { orgCode: k.pct_code, shaCode: await shaOf(client, k.pct_code) })) throw new AppError('forbidden', 'Only the PCT varies its contracts.');
    if (k.status !== 'active') throw new AppError('conflict', `The contract is ${k.status}.`);
    const max = (await client.query(`SELECT f.max_call_off_months FROM procurement_competitions c JOIN procurement_frameworks f ON f.id = c.framework_id WHERE c.id = $1`, [k.competition_id])).rows[0].max_call_off_months;
    const months = monthsBetween(k.starts_on, v.newEndsOn);
    if (months > max) throw new AppError('invalid', `The framework allows call-offs of up to ${max} months; this would make ${months}.`, [{ path: 'newEndsOn', message: `makes the contract longer than ${max} months` }]);
    if (v.newEndsOn <= k.starts_on) throw new AppError('invalid', 'The contract must end after it starts.', [{ path: 'newEndsOn', message: 'is before the start' }]);
    await client.query(`INSERT INTO procurement_variations (contract_id, kind, description, old_ends_on, new_ends_on, old_value, new_value, agreed_on, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [contractId, v.kind, v.description, k.ends_on, v.newEndsOn, k.value_pounds, v.newValue, v.agreedOn, p.userId]);
    await client.query('UPDATE procurement_contracts SET ends_on = $2, value_pounds = $3 WHERE id = $1', [contractId, v.newEndsOn, v.newValue]);
    await recordAudit(client, { actor: p, action: `procurement.contract.${v.kind}`, objectType: 'procurement_contract', objectId: contractId, orgCode: k.pct_code, before: { endsOn: k.ends_on, value: k.value_pounds }, after: v });
    await publishCallOff(client, k.competition_id, 'contractAmendment', new Date());
  });
}

export async function terminateContract(db: Db, p: Principal, contractId: string, t: { terminatedOn: string; reason: string }) {
  await withTransaction(db, async (client) => {
    const k = await loadContract(client, p, contractId, true);
    if (!can(p, 'org-data:write', { orgCode: k.pct_code, shaCode: await shaOf(client, k.pct_code) })) throw new AppError('forbidden', 'Only the PCT ends its contracts.');
    if (k.status !== 'active') throw new AppError('conflict', `The contract is ${k.status}.`);
    if (t.terminatedOn >= k.ends_on || t.terminatedOn < k.starts_on) throw new AppError('invalid', 'Early termination falls between the start and the planned end.', [{ path: 'terminatedOn', message: 'is not within the contract term' }]);
    await client.query(`UPDATE procurement_contracts SET status = 'terminated', terminated_on = $2, termination_reason = $3 WHERE id = $1`, [contractId, t.terminatedOn, t.reason]);
    await recordAudit(client, { actor: p, action: 'procurement.contract.terminate', objectType: 'procurement_contract', objectId: contractId, orgCode: k.pct_code, before: { status: k.status, endsOn: k.ends_on }, after: t });
    await publishCallOff(client, k.competition_id, 'contractTermination', new Date());
  });
}

const contractColumns = `k.id, k.competition_id, k.pct_code, o.name AS pct_name, k.supplier_id, s.name AS supplier_name, k.title, k.value_pounds,
  k.starts_on, k.ends_on, k.status, k.terminated_on, k.termination_reason, k.deliverables`;
const toContract = (r: Record<string, any>) => ({
  id: r.id, competitionId: r.competition_id, pctCode: r.pct_code, pctName: r.pct_name, supplierId: r.supplier_id, supplierName: r.supplier_name,
  title: r.title, valuePounds: Number(r.value_pounds), startsOn: r.starts_on, endsOn: r.ends_on, status: r.status,
  terminatedOn: r.terminated_on, terminationReason: r.termination_reason, deliverables: r.deliverables,
});

/** The register: the contracts the user may see (their PCTs', their SHA's, all for national roles, their own as a supplier). */
export async function contractRegister(db: Db, p: Principal | null) {
  const scope = readableScope(p);
  const { rows } = await db.query(`SELECT ${contractColumns} FROM procurement_contracts k
      JOIN organisations o ON o.code = k.pct_code JOIN procurement_suppliers s ON s.id = k.supplier_id
     WHERE $1::boolean OR k.pct_code = ANY($2::text[]) OR k.supplier_id = ANY($4::text[])
        OR k.pct_code IN (SELECT child_code FROM organisation_hierarchy WHERE parent_code = ANY($3::text[]))
     ORDER BY k.starts_on DESC, k.id`, [scope.all, scope.orgCodes, scope.shaCodes, supplierIdsOf(p)]);
  return rows.map(toContract);
}

export async function contractDetail(db: Db, p: Principal | null, id: string) {
  await loadContract(db, p, id, false);
  const { rows: [k] } = await db.query(`SELECT ${contractColumns} FROM procurement_contracts k
      JOIN organisations o ON o.code = k.pct_code JOIN procurement_suppliers s ON s.id = k.supplier_id WHERE k.id = $1`, [id]);
  const kpis = (await db.query('SELECT kpi_code, title, direction, target, tolerance FROM procurement_kpis WHERE contract_id = $1 ORDER BY kpi_code', [id])).rows;
  const reports = (await db.query('SELECT kpi_code, period, value, rag, note FROM procurement_kpi_reports WHERE contract_id = $1 ORDER BY period, kpi_code', [id])).rows;
  const variations = (await db.query('SELECT kind, description, old_ends_on, new_ends_on, old_value, new_value, agreed_on FROM procurement_variations WHERE contract_id = $1 ORDER BY created_at', [id])).rows;
  return {
    ...toContract(k),
    kpis: kpis.map((x) => ({ code: x.kpi_code, title: x.title, direction: x.direction, target: Number(x.target), tolerance: Number(x.tolerance) })),
    reports: reports.map((x) => ({ kpiCode: x.kpi_code, period: x.period, value: Number(x.value), rag: x.rag, note: x.note })),
    variations: variations.map((x) => ({ kind: x.kind, description: x.description, oldEndsOn: x.old_ends_on, newEndsOn: x.new_ends_on, oldValue: Number(x.old_value), newValue: Number(x.new_value), agreedOn: x.agreed_on })),
  };
}

/** A supplier's record across PCTs: contracts, value, terminations and the RAG mix of KPI reports (national and SHA roles, or the supplier). */
export async function supplierPerformance(db: Db, p: Principal | null) {
  const scope = readableScope(p);
  const own = supplierIdsOf(p);
  if (!scope.all && scope.shaCodes.length === 0 && own.length === 0) throw new AppError('forbidden', 'Supplier performance is for national and SHA roles, and each supplier for itself.');
  const { rows } = await db.query(
    `SELECT s.id, s.name,
            (SELECT count(*) FROM procurement_contracts k WHERE k.supplier_id = s.id)::int AS contracts,
            (SELECT count(DISTINCT pct_code) FROM procurement_contracts k WHERE k.supplier_id = s.id)::int AS pcts,
            (SELECT coalesce(sum(value_pounds), 0) FROM procurement_contracts k WHERE k.supplier_id = s.id) AS value,
            (SELECT count(*) FROM procurement_contracts k WHERE k.supplier_id = s.id AND k.status = 'terminated')::int AS terminated,
            count(r.*) FILTER (WHERE r.rag = 'green')::int AS green, count(r.*) FILTER (WHERE r.rag = 'amber')::int AS amber,
            count(r.*) FILTER (WHERE r.rag = 'red')::int AS red
       FROM procurement_suppliers s
       LEFT JOIN procurement_kpi_reports r ON r.contract_id IN (SELECT id FROM procurement_contracts WHERE supplier_id = s.id)
      WHERE $1::boolean OR s.id = ANY($2::text[]) OR cardinality($3::text[]) > 0
      GROUP BY s.id, s.name ORDER BY s.name`, [scope.all, own, scope.shaCodes]);
  return rows.map((r) => ({ supplierId: r.id, name: r.name, contracts: r.contracts, pcts: r.pcts, valuePounds: Number(r.value), terminated: r.terminated, kpiReports: { green: r.green, amber: r.amber, red: r.red } }));
}
