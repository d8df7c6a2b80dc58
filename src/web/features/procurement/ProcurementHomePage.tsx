// Buying support: the user's competitions, the framework and its lots, contracts and open data.
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { formatDateTime } from '../../app/format.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { isNationalAdmin, statusLabels, supplierIdsOf, type CompetitionSummary, type Frameworks } from './types.ts';

export function ProcurementHomePage() {
  const { can, session } = useSession();
  const data = useApi(async (api) => ({
    competitions: (await api.request<{ competitions: CompetitionSummary[] }>('GET', '/procurement/competitions')).competitions,
    frameworks: await api.request<Frameworks>('GET', '/procurement/frameworks'),
  }), []);
  if (data.state === 'loading') return <LoadingPage />;
  if (data.state === 'error') return <ProblemPage error={data.error} />;
  const { competitions, frameworks } = data.data;
  return (
    <Page title="Buying support">
      <h1>Buying support</h1>
      <p>Call off commissioning support from a framework of pre-qualified suppliers by mini-competition. The PCT stays accountable; suppliers give no direct patient care.</p>
      {can('org-data:write') && <Button href="/procurement/competitions/new" text="Start a mini-competition" />}
      {isNationalAdmin(session) && <Button href="/procurement/frameworks/new" text="Add a framework" variant="secondary" />}
      {supplierIdsOf(session).map((s) => <p key={s}><AppLink href={`/procurement/suppliers/${s}`}>Your framework documents ({s})</AppLink></p>)}
      {competitions.length === 0 ? <p>You take part in no competitions yet.</p> : (
        <Table caption="Your competitions" responsive firstCellIsHeader head={[{ text: 'Reference' }, { text: 'Title' }, { text: 'PCT' }, { text: 'Status' }, { text: 'Bid deadline' }]}
          rows={competitions.map((c) => ({ key: c.id, cells: [
            { text: <AppLink href={`/procurement/competitions/${c.id}`}>{c.reference}</AppLink> }, { text: c.title }, { text: c.pctName },
            { text: <Tag text={statusLabels[c.status] ?? c.status} colour={c.status === 'awarded' ? 'green' : c.status === 'cancelled' ? 'grey' : 'blue'} /> },
            { text: c.bidDeadline ? formatDateTime(c.bidDeadline) : 'Not set' },
          ] }))} />
      )}
      <p><AppLink href="/procurement/contracts">Contracts register</AppLink> · <AppLink href="/procurement/support">Share and build: good practice, events, learning sets</AppLink> · <a href="/api/ocds/releases?download=true">Download open contracting data (OCDS 1.1)</a></p>
      {frameworks.frameworks.map((f) => (<section key={f.id}>
        <h2><AppLink href={`/procurement/frameworks/${f.id}`}>{f.title}</AppLink></h2>
        <Table caption={`${f.title}: lots`} head={[{ text: 'Lot' }, { text: 'Service area' }, { text: 'Suppliers', format: 'numeric' }]}
          rows={f.lots.map((l) => ({ key: l.code, cells: [{ text: l.code }, { text: l.title }, { text: String(l.supplierIds.length), format: 'numeric' }] }))} />
      </section>))}
    </Page>
  );
}
