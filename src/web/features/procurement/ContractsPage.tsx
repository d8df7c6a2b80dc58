// The contracts register and each supplier's performance across PCTs.
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { formatDate } from '../../app/format.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { money } from './types.ts';

interface Contract { id: string; pctName: string; supplierName: string; title: string; valuePounds: number; startsOn: string; endsOn: string; status: string }
interface Perf { supplierId: string; name: string; contracts: number; pcts: number; valuePounds: number; terminated: number; kpiReports: { green: number; amber: number; red: number } }

export function ContractsPage() {
  const data = useApi(async (api) => ({
    contracts: (await api.request<{ contracts: Contract[] }>('GET', '/procurement/contracts')).contracts,
    perf: await api.request<{ suppliers: Perf[] }>('GET', '/procurement/supplier-performance').then((r) => r.suppliers, () => null),
  }), []);
  if (data.state === 'loading') return <LoadingPage />;
  if (data.state === 'error') return <ProblemPage error={data.error} />;
  const { contracts, perf } = data.data;
  return (
    <Page title="Contracts register">
      <h1>Contracts register</h1>
      {contracts.length === 0 ? <p>No call-off contracts you may see.</p> : (
        <Table caption="Call-off contracts" responsive firstCellIsHeader head={[{ text: 'Contract' }, { text: 'PCT' }, { text: 'Supplier' }, { text: 'Value', format: 'numeric' }, { text: 'Term' }, { text: 'Status' }]}
          rows={contracts.map((k) => ({ key: k.id, cells: [
            { text: <AppLink href={`/procurement/contracts/${k.id}`}>{k.title}</AppLink> }, { text: k.pctName }, { text: k.supplierName },
            { text: money(k.valuePounds), format: 'numeric' }, { text: `${formatDate(k.startsOn)} to ${formatDate(k.endsOn)}` },
            { text: <Tag text={k.status} colour={k.status === 'active' ? 'green' : 'grey'} /> },
          ] }))} />
      )}
      {perf && (
        <Table caption="Supplier performance across PCTs" responsive firstCellIsHeader head={[{ text: 'Supplier' }, { text: 'Contracts', format: 'numeric' }, { text: 'PCTs', format: 'numeric' }, { text: 'Value', format: 'numeric' }, { text: 'Ended early', format: 'numeric' }, { text: 'KPI reports green / amber / red' }]}
          rows={perf.filter((p) => p.contracts > 0).map((p) => ({ key: p.supplierId, cells: [
            { text: p.name }, { text: String(p.contracts), format: 'numeric' }, { text: String(p.pcts), format: 'numeric' }, { text: money(p.valuePounds), format: 'numeric' },
            { text: String(p.terminated), format: 'numeric' }, { text: `${p.kpiReports.green} / ${p.kpiReports.amber} / ${p.kpiReports.red}` },
          ] }))} />
      )}
    </Page>
  );
}
