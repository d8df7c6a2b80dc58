// One mini-competition, showing each person the steps that are theirs: the PCT runs it, suppliers ask
// and bid, evaluators declare and score. The server decides every permission and every number.
import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { ApprovalForm, EvaluatorsForm, RequirementForm } from './TenderForms.tsx';
import { Clarifications } from './Clarifications.tsx';
import { Bids } from './Bids.tsx';
import { Evaluation } from './Evaluation.tsx';
import { AwardSteps } from './AwardSteps.tsx';
import { money, statusLabels, type Clarification, type Competition, type PanelView, type Receipt } from './types.ts';

export function CompetitionPage() {
  const { id = '' } = useParams();
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const data = useApi(async (api) => {
    const c = await api.request<Competition>('GET', `/procurement/competitions/${id}`);
    const clarifications = c.status === 'draft' || c.status === 'approved' ? [] : (await api.request<{ clarifications: Clarification[] }>('GET', `/procurement/competitions/${id}/clarifications`)).clarifications;
    const receipts = c.bidDeadline ? (await api.request<{ receipts: Receipt[] }>('GET', `/procurement/competitions/${id}/bids`)).receipts : [];
    const panel = (c.you.pct || c.you.evaluator) && c.bidsOpenedAt ? await api.request<PanelView>('GET', `/procurement/competitions/${id}/evaluation`) : null;
    return { c, clarifications, receipts, panel };
  }, [id, version]);
  // While a step reloads the competition, the page keeps showing the last answer instead of flashing.
  const last = useRef<typeof data | null>(null);
  if (data.state === 'ready') last.current = data;
  const shown = data.state === 'loading' && last.current ? last.current : data;
  if (shown.state === 'loading') return <LoadingPage />;
  if (shown.state === 'error') return <ProblemPage error={shown.error} />;
  const { c, clarifications, receipts, panel } = shown.data;
  const bc = c.businessCase;
  return (
    <Page title={c.reference}>
      <span className="nhsuk-caption-l">{c.reference} · {c.pctName}</span>
      <h1>{c.title}</h1>
      <p>Status: <Tag text={statusLabels[c.status] ?? c.status} colour={c.status === 'awarded' ? 'green' : 'blue'} /></p>
      <SummaryList rows={[
        { key: { text: 'Framework and lot' }, value: { text: `${c.frameworkId}, lot ${c.lotCode}: ${c.lotTitle}` } },
        ...(bc ? [
          { key: { text: 'Need' }, value: { text: bc.need } },
          { key: { text: 'Competencies to strengthen' }, value: { text: bc.competencies.join(', ') || 'None given' } },
          { key: { text: 'Budget' }, value: { text: money(bc.budgetPounds) } },
          { key: { text: 'Board approval' }, value: { text: bc.boardApprovedOn ? `${formatDate(bc.boardApprovedOn)} (${bc.boardMinute})` : 'Not yet' } },
        ] : []),
        ...(c.requirement ? [
          { key: { text: 'Requirement' }, value: { text: c.requirement } },
          { key: { text: 'Weights' }, value: { text: `Quality ${c.qualityWeight}% (${(c.criteria ?? []).map((k) => `${k.title} ${k.weight}%`).join(', ')}), price ${c.priceWeight}%` } },
          { key: { text: 'Contract length' }, value: { text: `${c.contractMonths} months` } },
        ] : []),
        { key: { text: 'Bid deadline' }, value: { text: c.bidDeadline ? `${formatDateTime(c.bidDeadline)}${c.sealed ? ' (bids sealed until then)' : ''}` : 'Not set' } },
        ...(c.preferredBidder ? [{ key: { text: 'Preferred bidder' }, value: { text: c.preferredBidder.name } }] : []),
        ...(c.standstillEndsAt ? [{ key: { text: 'Standstill ends' }, value: { text: formatDateTime(c.standstillEndsAt) } }] : []),
        ...(c.contractId ? [{ key: { text: 'Call-off contract' }, value: { text: <AppLink href={`/procurement/contracts/${c.contractId}`}>View the contract</AppLink> } }] : []),
      ]} />
      {c.you.pctWriter && c.status === 'draft' && <ApprovalForm id={c.id} onDone={refresh} />}
      {c.you.pctWriter && c.status === 'approved' && <RequirementForm id={c.id} onDone={refresh} />}
      {c.you.pctWriter && ['approved', 'tendering', 'bids_opened'].includes(c.status) && !c.bidsOpenedAt && <EvaluatorsForm id={c.id} onDone={refresh} />}
      {c.status !== 'draft' && c.status !== 'approved' && <Clarifications c={c} items={clarifications} onDone={refresh} />}
      {c.bidDeadline && <Bids c={c} receipts={receipts} onDone={refresh} />}
      {panel && <Evaluation c={c} panel={panel} onDone={refresh} />}
      {c.you.pctWriter && ['moderated', 'standstill'].includes(c.status) && <AwardSteps c={c} onDone={refresh} />}
    </Page>
  );
}
