// One bid: its content after the deadline to those allowed; otherwise the server's refusal.
import { useParams } from 'react-router-dom';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { WarningCallout } from '../../components/WarningCallout.tsx';
import { formatDateTime } from '../../app/format.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { Table } from '../../components/Table.tsx';
import { kb, money, type Attachment } from './types.ts';

interface Bid { supplierId: string; response: string; pricePounds: number; documents: { name: string; text: string }[]; attachments: Attachment[]; submittedAt: string; digest: string }

export function BidPage() {
  const { id = '', supplierId = '' } = useParams();
  const bid = useApi((api) => api.request<Bid>('GET', `/procurement/competitions/${id}/bids/${supplierId}`), [id, supplierId]);
  if (bid.state === 'loading') return <LoadingPage />;
  const back = <BackLink href={`/procurement/competitions/${id}`} text="Back to the competition" />;
  if (bid.state === 'error') {
    const title = bid.error.status === 404 ? 'Bid not found' : 'This bid cannot be opened';
    return (
      <Page title={title}>
        {back}
        <h1>{title}</h1>
        <WarningCallout heading="Sealed bids"><p data-testid="bid-refusal">{bid.error.problem.detail}</p></WarningCallout>
      </Page>
    );
  }
  const b = bid.data;
  return (
    <Page title={`Bid from ${b.supplierId}`}>
      {back}
      <h1>Bid from {b.supplierId}</h1>
      <SummaryList rows={[
        { key: { text: 'Price' }, value: { text: money(b.pricePounds) } },
        { key: { text: 'Submitted' }, value: { text: formatDateTime(b.submittedAt) } },
        { key: { text: 'Receipt (SHA-256)' }, value: { text: <code>{b.digest}</code> } },
      ]} />
      <h2>Response</h2>
      <p data-testid="bid-response">{b.response}</p>
      {b.documents.map((d) => (<section key={d.name}><h3>{d.name}</h3><p>{d.text}</p></section>))}
      {b.attachments.length > 0 && (
        <Table caption="Attached documents" head={[{ text: 'Document' }, { text: 'Size' }, { text: 'Receipt (SHA-256)' }]}
          rows={b.attachments.map((a) => ({ key: a.id, cells: [
            { text: <a href={`/api/procurement/competitions/${id}/bids/${supplierId}/attachments/${a.id}`}>{a.fileName}</a> },
            { text: kb(a.sizeBytes) }, { text: <code>{a.digest.slice(0, 16)}…</code> },
          ] }))} />
      )}
    </Page>
  );
}
