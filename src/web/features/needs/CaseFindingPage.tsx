// Case finding for a PCT's own commissioners and analysts: the highest-risk people as pseudonyms (never
// names), filtered by segment, tier and minimum risk, with a CSV export. The server audits every view
// and export and refuses everyone else.
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { WarningCallout } from '../../components/WarningCallout.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { SEGMENTS, TIERS, filterQuery, percent, pounds, riskApi, type PatientFilter } from './api.ts';

export function CaseFindingPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const [draft, setDraft] = useState<PatientFilter>({ segment: '', tier: '', minRisk: '' });
  const [filter, setFilter] = useState<PatientFilter>({});
  const res = useApi((api) => riskApi.patients(api, code, filter), [code, JSON.stringify(filter)]);
  if (res.state === 'error') return <ProblemPage error={res.error} />;
  if (res.state === 'loading') return <Page title={`Case finding: ${code}`} loading><LoadingPage /></Page>;
  const { patients, total, scoreYear } = res.data;
  const apply = (e: FormEvent) => { e.preventDefault(); setFilter({ ...draft, offset: 0 }); };
  const offset = filter.offset ?? 0;
  return (
    <Page title={`Case finding: ${code}`}>
      <h1>Case finding: {code}</h1>
      <WarningCallout heading="Patient-level information" headingLevel={2}>
        <p>People are shown by their pseudonym only. Every view and export of this list is recorded in the audit trail with your name.</p>
      </WarningCallout>
      <p>People ranked by their risk of an emergency admission in {scoreYear}. <AppLink href={`/needs/areas/${code}`}>Back to the population</AppLink></p>
      <form onSubmit={apply} noValidate className="nhsuk-u-margin-bottom-4">
        <Select id="filter-segment" name="segment" label={{ text: 'Segment' }} value={draft.segment ?? ''} onChange={(segment) => setDraft({ ...draft, segment })}
          items={[{ value: '', text: 'All segments' }, ...Object.entries(SEGMENTS).map(([value, text]) => ({ value, text }))]} />
        <Select id="filter-tier" name="tier" label={{ text: 'Risk tier' }} value={draft.tier ?? ''} onChange={(tier) => setDraft({ ...draft, tier })}
          items={[{ value: '', text: 'All tiers' }, ...Object.entries(TIERS).map(([value, text]) => ({ value, text }))]} />
        <Input id="filter-min-risk" name="minRisk" label={{ text: 'Minimum risk (%)' }} inputmode="numeric" classes="nhsuk-input--width-4" value={draft.minRisk ?? ''} onChange={(minRisk) => setDraft({ ...draft, minRisk })} />
        <Button text="Apply filters" />
      </form>
      <p><a href={`/api/risk/areas/${code}/patients.csv${filterQuery(filter)}`} download>Export this list (CSV, audited)</a></p>
      <Table caption={`${total.toLocaleString('en-GB')} people; showing ${patients.length ? offset + 1 : 0} to ${offset + patients.length}`} responsive
        head={[{ text: 'Pseudonym' }, { text: 'Risk', format: 'numeric' }, { text: 'Tier' }, { text: 'Segment' }, { text: 'Age', format: 'numeric' }, { text: 'Sex' }, { text: 'Emergency admissions (12 months)', format: 'numeric' }, { text: 'Cost (12 months)', format: 'numeric' }, { text: 'Conditions' }]}
        rows={patients.map((p) => ({ key: p.pseudonym, cells: [{ text: <code>{p.pseudonym}</code> }, { text: percent(p.risk), format: 'numeric' }, { text: TIERS[p.tier] ?? p.tier }, { text: SEGMENTS[p.segment] ?? p.segment },
          { text: p.age ?? '–', format: 'numeric' }, { text: p.sex ?? '–' }, { text: String(p.emergencyAdmissions), format: 'numeric' }, { text: pounds(p.cost), format: 'numeric' }, { text: p.conditions.join(', ') || '–' }] }))} />
      <p>
        {offset > 0 && <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setFilter({ ...filter, offset: Math.max(0, offset - 50) })}>Previous 50</button>}{' '}
        {offset + patients.length < total && <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setFilter({ ...filter, offset: offset + 50 })}>Next 50</button>}
      </p>
    </Page>
  );
}
