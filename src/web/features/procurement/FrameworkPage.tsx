// One framework: its terms and lots with their pre-qualified suppliers; the national team admits a
// supplier (existing, or new with its name) to a lot. Supplier names link to their framework documents
// for those allowed to see them (the server answers 404 to other suppliers).
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { formatDate } from '../../app/format.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { errorFor, formErrors, noErrors, type FormErrors } from './form-errors.ts';
import { isNationalAdmin, type Frameworks } from './types.ts';

const fields: Record<string, [string, string]> = {
  supplierId: ['admit-supplier', 'Enter the supplier’s identifier, like SUP-TRIBAL (SUP- then capital letters, digits or hyphens)'],
  name: ['admit-name', 'Enter the name of the new supplier'],
};

export function FrameworkPage() {
  const { id = '' } = useParams();
  const { api, session } = useSession();
  const [version, setVersion] = useState(0);
  const data = useApi((a) => a.request<Frameworks>('GET', '/procurement/frameworks'), [version]);
  const [form, setForm] = useState({ lot: '', supplierId: '', name: '' });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (data.state === 'loading' && version === 0) return <LoadingPage />;
  if (data.state === 'error') return <ProblemPage error={data.error} />;
  if (data.state === 'loading') return <LoadingPage />;
  const f = data.data.frameworks.find((x) => x.id === id);
  if (!f) return <NotFoundPage />;
  const names = Object.fromEntries(data.data.suppliers.map((s) => [s.id, s.name]));
  const admin = isNationalAdmin(session);
  const lot = form.lot || f.lots[0]?.code || '';

  async function admit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setDone(null);
    const supplierId = form.supplierId.trim().toUpperCase();
    try {
      await api.request('POST', `/procurement/frameworks/${encodeURIComponent(id)}/lots/${encodeURIComponent(lot)}/suppliers`, { supplierId, ...(form.name.trim() ? { name: form.name.trim() } : {}) });
      setErrors(noErrors);
      setDone(`${supplierId} admitted to lot ${lot}.`);
      setForm({ lot, supplierId: '', name: '' });
      setVersion((v) => v + 1);
    } catch (err) {
      setErrors(formErrors(err, fields));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Page title={errors.summary.length ? `Error: ${f.title}` : f.title}>
      <BackLink href="/procurement" text="Back to buying support" />
      {errors.summary.length > 0 && <ErrorSummary errorList={errors.summary} />}
      <span className="nhsuk-caption-l">Framework {f.id}</span>
      <h1>{f.title}</h1>
      <SummaryList rows={[
        { key: { text: 'Buyer' }, value: { text: f.buyerName } },
        { key: { text: 'Runs' }, value: { text: `${formatDate(f.startsOn)} to ${formatDate(f.endsOn)}` } },
        { key: { text: 'Longest call-off' }, value: { text: `${f.maxCallOffMonths} months` } },
        { key: { text: 'Direct patient care' }, value: { text: f.excludesPatientCare ? 'Excluded: suppliers give no direct patient care' : 'Not excluded' } },
        { key: { text: 'Terms' }, value: { text: f.terms || 'None recorded' } },
      ]} />
      {done && <div className="nhsuk-inset-text" role="status"><p>{done}</p></div>}
      {f.lots.map((l) => (
        <Table key={l.code} caption={`Lot ${l.code}: ${l.title}`} head={[{ text: 'Supplier' }, { text: 'Identifier' }]}
          rows={l.supplierIds.length ? l.supplierIds.map((s) => ({ key: s, cells: [
            { text: <AppLink href={`/procurement/suppliers/${s}`}>{names[s] ?? s}</AppLink> }, { text: s },
          ] })) : [{ key: 'none', cells: [{ text: 'No suppliers admitted yet' }, { text: '' }] }]} />
      ))}
      {admin && (
        <form noValidate onSubmit={admit}>
          <h2>Admit a supplier to a lot</h2>
          <Select id="admit-lot" name="lot" label={{ text: 'Lot', classes: 'nhsuk-label--s' }} items={f.lots.map((l) => ({ value: l.code, text: `${l.code}: ${l.title}` }))} value={lot} onChange={(v) => setForm({ ...form, lot: v })} />
          <Input id="admit-supplier" name="supplierId" label={{ text: 'Supplier identifier', classes: 'nhsuk-label--s' }} hint={{ text: 'An existing supplier, like SUP-BUPA, or a new identifier' }} value={form.supplierId} onChange={(v) => setForm({ ...form, supplierId: v })} errorMessage={errorFor(errors, 'admit-supplier')} classes="nhsuk-input--width-20" />
          <Input id="admit-name" name="name" label={{ text: 'Name of a new supplier (only for a new identifier)', classes: 'nhsuk-label--s' }} value={form.name} onChange={(v) => setForm({ ...form, name: v })} errorMessage={errorFor(errors, 'admit-name')} />
          <Button text="Admit the supplier" disabled={busy} />
        </form>
      )}
    </Page>
  );
}
