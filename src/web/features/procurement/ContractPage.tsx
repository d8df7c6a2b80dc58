// One call-off contract: terms, KPI reports with the server's RAG by period, variations, early termination.
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { formatDate } from '../../app/format.ts';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { ActionError } from './ActionError.tsx';
import { useAction } from './use-action.ts';
import { money } from './types.ts';

interface Contract {
  id: string; title: string; pctName: string; supplierName: string; valuePounds: number; startsOn: string; endsOn: string; status: string;
  terminationReason: string | null; deliverables: string[];
  kpis: { code: string; title: string; target: number }[]; reports: { kpiCode: string; period: string; value: number; rag: 'red' | 'amber' | 'green' }[];
  variations: { kind: string; description: string; newEndsOn: string; newValue: number }[];
}
const ragColour = { red: 'red', amber: 'orange', green: 'green' } as const;

export function ContractPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const [v, setV] = useState(0);
  const a = useAction(() => setV(v + 1));
  const [r, setR] = useState({ period: '', value: '', terminatedOn: '', reason: '' });
  const set = (k: keyof typeof r) => (x: string) => setR({ ...r, [k]: x });
  const data = useApi((x) => x.request<Contract>('GET', `/procurement/contracts/${id}`), [id, v]);
  if (data.state === 'loading') return <LoadingPage />;
  if (data.state === 'error') return <ProblemPage error={data.error} />;
  const k = data.data;
  const report = (e: FormEvent) => { e.preventDefault(); void a.run(() => api.request('POST', `/procurement/contracts/${id}/kpi-reports`, { kpiCode: k.kpis[0]?.code ?? '', period: r.period, value: Number(r.value), note: '' })); };
  const terminate = (e: FormEvent) => { e.preventDefault(); void a.run(() => api.request('POST', `/procurement/contracts/${id}/termination`, { terminatedOn: r.terminatedOn, reason: r.reason })); };
  return (
    <Page title={k.title}>
      <h1>{k.title}</h1>
      <ActionError error={a.error} />
      <SummaryList rows={[
        { key: { text: 'PCT' }, value: { text: k.pctName } }, { key: { text: 'Supplier' }, value: { text: k.supplierName } },
        { key: { text: 'Value' }, value: { text: money(k.valuePounds) } }, { key: { text: 'Term' }, value: { text: `${formatDate(k.startsOn)} to ${formatDate(k.endsOn)}` } },
        { key: { text: 'Status' }, value: { text: `${k.status}${k.terminationReason ? `: ${k.terminationReason}` : ''}` } },
        { key: { text: 'Deliverables' }, value: { text: k.deliverables.join('; ') || 'None listed' } },
      ]} />
      <Table caption="KPI reports by period" head={[{ text: 'Period' }, { text: 'KPI' }, { text: 'Value', format: 'numeric' }, { text: 'RAG' }]}
        rows={k.reports.map((x) => ({ key: x.kpiCode + x.period, cells: [{ text: x.period }, { text: k.kpis.find((q) => q.code === x.kpiCode)?.title ?? x.kpiCode }, { text: String(x.value), format: 'numeric' }, { text: <Tag text={x.rag} colour={ragColour[x.rag]} /> }] }))} />
      {k.status === 'active' && k.kpis[0] && (
        <form noValidate onSubmit={report}>
          <h2>Report {k.kpis[0].title}</h2>
          <Input id="period" name="period" label={{ text: 'Period (e.g. 2008-09-Q3)', classes: 'nhsuk-label--s' }} value={r.period} onChange={set('period')} classes="nhsuk-input--width-10" />
          <Input id="kpi-value" name="value" label={{ text: 'Value', classes: 'nhsuk-label--s' }} value={r.value} onChange={set('value')} classes="nhsuk-input--width-5" />
          <Button text="Report KPI" variant="secondary" disabled={a.busy} />
        </form>
      )}
      {k.variations.length > 0 && <Table caption="Variations and extensions" head={[{ text: 'Kind' }, { text: 'Description' }, { text: 'New end' }, { text: 'New value', format: 'numeric' }]}
        rows={k.variations.map((x, i) => ({ key: String(i), cells: [{ text: x.kind }, { text: x.description }, { text: formatDate(x.newEndsOn) }, { text: money(x.newValue), format: 'numeric' }] }))} />}
      {k.status === 'active' && (
        <form noValidate onSubmit={terminate}>
          <h2>End the contract early</h2>
          <Input id="terminated-on" name="terminatedOn" label={{ text: 'Last day (YYYY-MM-DD)', classes: 'nhsuk-label--s' }} value={r.terminatedOn} onChange={set('terminatedOn')} classes="nhsuk-input--width-10" />
          <Input id="reason" name="reason" label={{ text: 'Reason', classes: 'nhsuk-label--s' }} value={r.reason} onChange={set('reason')} />
          <Button text="End the contract" variant="warning" disabled={a.busy} />
        </form>
      )}
    </Page>
  );
}
