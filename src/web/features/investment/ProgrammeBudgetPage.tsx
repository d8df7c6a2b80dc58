// Programme budget of a PCT: spend by programme per head and per weighted head against the median of
// PCTs with data, and spend against outcome for one programme with peers placed in quadrants.
import { useState, type FormEvent } from 'react';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { Page } from '../../app/page.tsx';
import { useSession } from '../../app/session.tsx';
import { gbp, investmentApi, quadrantLabels, type ProgrammeBudget, type SpendOutcome } from './api.ts';
import { useAction } from './use-action.ts';
import { ImportForm } from './ImportForm.tsx';

export function ProgrammeBudgetPage() {
  const { api, actingFor } = useSession();
  const [org, setOrg] = useState(actingFor?.orgCode ?? '5C2');
  const [year, setYear] = useState('2008-09');
  const [programme, setProgramme] = useState('10');
  const [peers, setPeers] = useState('sha');
  const [pb, setPb] = useState<ProgrammeBudget | null>(null);
  const [so, setSo] = useState<SpendOutcome | null>(null);
  const action = useAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await action.run(async () => {
      setPb(await investmentApi.programmeBudget(api, org, year));
      setSo(await investmentApi.spendOutcome(api, org, year, programme, peers).catch(() => null));
    });
  }
  const money2 = (n: number | null) => (n === null ? '–' : `£${n.toFixed(2)}`);
  return (
    <Page title="Programme budget">
      <BackLink href="/investment" text="Investment" />
      <h1>Programme budget and spend against outcome</h1>
      <form onSubmit={submit} noValidate>
        {action.problem && <ErrorSummary errorList={[{ text: action.problem }]} />}
        <Input id="pb-org" name="org" label={{ text: 'PCT code' }} value={org} onChange={setOrg} classes="nhsuk-input--width-5" />
        <Input id="pb-year" name="year" label={{ text: 'Financial year' }} value={year} onChange={setYear} classes="nhsuk-input--width-10" />
        <Input id="pb-programme" name="programme" label={{ text: 'Programme to compare with its outcome' }} hint={{ text: '10 circulation, 2 cancers, 11 respiratory, 5 mental health, 16 trauma, 19 neonates' }} value={programme} onChange={setProgramme} classes="nhsuk-input--width-2" />
        <Select id="pb-peers" name="peers" label={{ text: 'Peers' }} value={peers} onChange={setPeers} items={[{ value: 'sha', text: 'PCTs in the same SHA' }, { value: 'england', text: 'All PCTs with data' }]} />
        <Button text="Show" disabled={action.busy} />
      </form>
      {pb && (
        <Table caption={`${pb.orgCode} programme budget ${pb.year}: ${gbp(pb.total)}; population ${pb.population?.toLocaleString('en-GB') ?? 'unknown'}`} responsive
          head={[{ text: 'Programme' }, { text: 'Spend', format: 'numeric' }, { text: 'Per head', format: 'numeric' }, { text: 'Per weighted head', format: 'numeric' }, { text: 'Median per head', format: 'numeric' }]}
          rows={pb.lines.map((l) => ({ key: l.programme, cells: [{ text: `${l.programme} ${l.name}` }, { text: gbp(l.spend), format: 'numeric' }, { text: money2(l.perHead), format: 'numeric' }, { text: money2(l.perWeightedHead), format: 'numeric' }, { text: money2(l.peerMedianPerHead), format: 'numeric' }] }))} />
      )}
      {so && <img src={`/api/investment/spend-outcome.svg?org=${encodeURIComponent(org)}&year=${encodeURIComponent(year)}&programme=${programme}&peers=${peers}`} style={{ maxWidth: '100%' }}
        alt={`Scatter of ${so.programmeName.toLowerCase()} spend per weighted head against ${so.indicatorId} for ${so.peerGroup}; the table below gives the figures`} />}
      {so && (
        <Table caption={`${so.programmeName}: spend per weighted head against ${so.indicatorId} (${so.outcomePeriod ?? 'no period'}, ${so.outcomeSource}; ${so.polarity}); ${so.peerGroup}`} responsive
          head={[{ text: 'PCT' }, { text: 'Spend per weighted head', format: 'numeric' }, { text: 'Outcome', format: 'numeric' }, { text: 'Quadrant' }]}
          rows={so.points.map((p) => ({ key: p.orgCode, cells: [{ text: p.isSubject ? <strong>{p.orgCode}</strong> : p.orgCode }, { text: money2(p.spendPerHead), format: 'numeric' }, { text: p.outcome === null ? '–' : String(p.outcome), format: 'numeric' },
            { text: p.quadrant ? <Tag text={quadrantLabels[p.quadrant] ?? p.quadrant} colour={p.flagged ? 'orange' : 'grey'} /> : '–' }] }))} />
      )}
      {(actingFor?.roles.some((r) => r.role === 'pct_analyst' || r.role === 'pct_commissioner') ?? false) && <ImportForm />}
    </Page>
  );
}
