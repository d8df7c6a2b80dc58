// Frameworks (FESC and any an administrator adds), their lots and pre-qualified suppliers, and each
// supplier's declarations and documents: seen by the supplier itself and by commissioners and the
// national team, never by another supplier.
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import { hasRole, readableScope, type Principal } from '../platform/auth/policy.ts';
import { supplierIdsOf } from './access.ts';
import { publishFramework } from './ocds-publish.ts';

export interface FrameworkInput {
  id: string; title: string; description: string; buyerName: string; startsOn: string; endsOn: string;
  maxCallOffMonths: number; terms: string; excludesPatientCare?: boolean;
  lots: { code: string; title: string; description: string; competencies: number[]; supplierIds: string[] }[];
}

/** Rules the schema cannot say: dates in order, lot codes unique, lots named. Paths name the form fields. */
export function checkFramework(f: FrameworkInput): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (!(f.endsOn > f.startsOn)) errors.push({ path: 'endsOn', message: 'The end date must be after the start date.' });
  const seen = new Set<string>();
  f.lots.forEach((l, i) => {
    if (seen.has(l.code.toUpperCase())) errors.push({ path: `lots/${i}/code`, message: `Lot code ${l.code} is used twice.` });
    seen.add(l.code.toUpperCase());
  });
  return errors;
}

export async function createFramework(db: Db, p: Principal | null, f: FrameworkInput, suppliers: { id: string; name: string; fictional: boolean }[] = []): Promise<void> {
  if (p && !hasRole(p, 'national_admin')) throw new AppError('forbidden', 'Only the national team adds frameworks.');
  const problems = checkFramework(f);
  if (problems.length) throw new AppError('invalid', problems.map((e) => e.message).join(' '), problems);
  await withTransaction(db, async (client) => {
    for (const s of suppliers) {
      await client.query('INSERT INTO procurement_suppliers (id, name, fictional) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [s.id, s.name, s.fictional]);
    }
    const exists = await client.query('SELECT 1 FROM procurement_frameworks WHERE id = $1', [f.id]);
    if (exists.rowCount) throw new AppError('invalid', `Framework ${f.id} already exists.`, [{ path: 'id', message: `A framework with the identifier ${f.id} already exists.` }]);
    await client.query(`INSERT INTO procurement_frameworks (id, title, description, buyer_name, starts_on, ends_on, max_call_off_months, terms, excludes_patient_care)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [f.id, f.title, f.description, f.buyerName, f.startsOn, f.endsOn, f.maxCallOffMonths, f.terms, f.excludesPatientCare ?? true]);
    for (const l of f.lots) {
      await client.query('INSERT INTO procurement_lots (framework_id, lot_code, title, description, competencies) VALUES ($1, $2, $3, $4, $5)',
        [f.id, l.code, l.title, l.description, l.competencies]);
      for (const s of l.supplierIds) {
        const ok = await client.query('SELECT 1 FROM procurement_suppliers WHERE id = $1', [s]);
        if (!ok.rowCount) throw new AppError('invalid', `There is no supplier ${s}.`, [{ path: 'lots', message: `Supplier ${s} does not exist.` }]);
        await client.query('INSERT INTO procurement_lot_suppliers (framework_id, lot_code, supplier_id) VALUES ($1, $2, $3)', [f.id, l.code, s]);
      }
    }
    await recordAudit(client, { actor: p, action: 'procurement.framework.create', objectType: 'procurement_framework', objectId: f.id, after: f });
    await publishFramework(client, f.id, new Date(`${f.startsOn}T09:00:00Z`));
  });
}

export async function listFrameworks(db: Db) {
  const fw = (await db.query('SELECT * FROM procurement_frameworks ORDER BY starts_on, id')).rows;
  const lots = (await db.query(
    `SELECT l.framework_id, l.lot_code, l.title, l.description, l.competencies,
            coalesce(array_agg(ls.supplier_id ORDER BY ls.supplier_id) FILTER (WHERE ls.supplier_id IS NOT NULL), '{}') AS suppliers
       FROM procurement_lots l LEFT JOIN procurement_lot_suppliers ls USING (framework_id, lot_code)
      GROUP BY l.framework_id, l.lot_code ORDER BY l.lot_code`)).rows;
  const suppliers = (await db.query('SELECT id, name, fictional FROM procurement_suppliers ORDER BY name')).rows;
  return {
    frameworks: fw.map((f) => ({
      id: f.id, title: f.title, description: f.description, buyerName: f.buyer_name, startsOn: f.starts_on, endsOn: f.ends_on,
      maxCallOffMonths: f.max_call_off_months, excludesPatientCare: f.excludes_patient_care, terms: f.terms,
      lots: lots.filter((l) => l.framework_id === f.id).map((l) => ({ code: l.lot_code, title: l.title, description: l.description, competencies: l.competencies, supplierIds: l.suppliers })),
    })),
    suppliers: suppliers.map((s) => ({ id: s.id, name: s.name, fictional: s.fictional })),
  };
}

export function maySeeSupplierFiles(p: Principal | null, supplierId: string): boolean {
  if (supplierIdsOf(p).includes(supplierId)) return true;
  const scope = readableScope(p);
  return scope.all || scope.orgCodes.length > 0 || scope.shaCodes.length > 0;
}

export async function addSupplierDocument(db: Db, p: Principal, supplierId: string, d: { frameworkId: string; kind: 'declaration' | 'document'; title: string; body: string }) {
  if (!supplierIdsOf(p).includes(supplierId)) throw new AppError('forbidden', 'A supplier files its own declarations and documents.');
  return withTransaction(db, async (client) => {
    const { rows } = await client.query(`INSERT INTO procurement_supplier_documents (framework_id, supplier_id, kind, title, body, created_by)
      VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [d.frameworkId, supplierId, d.kind, d.title, d.body, p.userId]);
    await recordAudit(client, { actor: p, action: 'procurement.supplier_document.add', objectType: 'procurement_supplier', objectId: supplierId, after: { id: rows[0].id, kind: d.kind, title: d.title } });
    return { id: rows[0].id as string };
  });
}

export async function listSupplierDocuments(db: Db, p: Principal | null, supplierId: string) {
  // Another supplier learns nothing, not even whether the supplier filed anything.
  if (!maySeeSupplierFiles(p, supplierId)) throw new AppError('not_found', 'There is no such supplier file.');
  const { rows } = await db.query(
    `SELECT id, framework_id, kind, title, body, created_at FROM procurement_supplier_documents WHERE supplier_id = $1 ORDER BY created_at`, [supplierId]);
  return rows.map((r) => ({ id: r.id, frameworkId: r.framework_id, kind: r.kind, title: r.title, body: r.body, createdAt: r.created_at.toISOString() }));
}

/** Admits a supplier to a lot (the national team), creating the supplier when a name is given; republishes the framework in OCDS. */
export async function admitSupplier(db: Db, p: Principal, frameworkId: string, lotCode: string, s: { supplierId: string; name?: string }): Promise<void> {
  if (!hasRole(p, 'national_admin')) throw new AppError('forbidden', 'Only the national team admits suppliers to a framework.');
  await withTransaction(db, async (client) => {
    const lot = await client.query('SELECT 1 FROM procurement_lots WHERE framework_id = $1 AND lot_code = $2 FOR UPDATE', [frameworkId, lotCode]);
    if (!lot.rowCount) throw new AppError('not_found', 'There is no such lot on that framework.');
    const known = await client.query('SELECT name FROM procurement_suppliers WHERE id = $1', [s.supplierId]);
    const name = s.name?.trim() ?? '';
    if (!known.rowCount) {
      if (!name) throw new AppError('invalid', `There is no supplier ${s.supplierId}: give its name to add it.`, [{ path: 'name', message: 'Enter the name of the new supplier.' }]);
      await client.query('INSERT INTO procurement_suppliers (id, name) VALUES ($1, $2)', [s.supplierId, name]);
    }
    const added = await client.query(
      'INSERT INTO procurement_lot_suppliers (framework_id, lot_code, supplier_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [frameworkId, lotCode, s.supplierId]);
    if (!added.rowCount) throw new AppError('invalid', `${s.supplierId} is already in lot ${lotCode}.`, [{ path: 'supplierId', message: `${s.supplierId} is already in lot ${lotCode}.` }]);
    await recordAudit(client, { actor: p, action: 'procurement.framework.admit_supplier', objectType: 'procurement_framework', objectId: frameworkId,
      after: { lotCode, supplierId: s.supplierId, newSupplier: known.rowCount ? null : name } });
    await publishFramework(client, frameworkId, new Date());
  });
}
