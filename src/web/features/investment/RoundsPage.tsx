// Prioritisation rounds you may see, and (for a PCT's commissioners and analysts) a form to open one.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { investmentApi, gbp } from './api.ts';
import { useAction } from './use-action.ts';

export function RoundsPage() {
  const { api, actingFor } = useSession();
  const navigate = useNavigate();
  const rounds = useApi((a) => investmentApi.rounds(a), []);
  const [title, setTitle] = useState('');
  const [firstYear, setFirstYear] = useState('2009-10');
  const [budgets, setBudgets] = useState(['', '', '', '', '']);
  const [outcomes, setOutcomes] = useState('mortality-cvd-under-75');
  const action = useAction();
  const canWrite = !!actingFor?.roles.some((r) => r.role === 'pct_commissioner' || r.role === 'pct_analyst');

  async function create(e: FormEvent) {
    e.preventDefault();
    const round = await action.run(() => investmentApi.createRound(api, { orgCode: actingFor!.orgCode, title, firstYear, budgets: budgets.map((b) => Number(b.replace(/[£,]/g, ''))), outcomes: outcomes.split(',').map((x) => x.trim()).filter(Boolean) }));
    if (round) navigate(`/investment/rounds/${round.id}`);
  }

  if (rounds.state === 'error') return <ProblemPage error={rounds.error} />;
  if (rounds.state === 'loading') return <Page title="Investment" loading><LoadingPage /></Page>;
  return (
    <Page title="Investment">
      <h1>Investment and financial planning</h1>
      <p>Programme budgets, options appraisal, programme budgeting and marginal analysis, the five-year plan and the board paper.</p>
      <p><AppLink href="/investment/programme-budget">Programme budget and spend against outcome</AppLink></p>
      {rounds.data.rounds.length ? (
        <Table caption="Prioritisation rounds" head={[{ text: 'Round' }, { text: 'PCT' }, { text: 'First year' }, { text: 'Year 1 budget', format: 'numeric' }, { text: 'Status' }]}
          rows={rounds.data.rounds.map((r) => ({ key: String(r.id), cells: [
            { text: <AppLink href={`/investment/rounds/${r.id}`}>{r.title}</AppLink> }, { text: r.orgCode }, { text: r.firstYear },
            { text: gbp(r.budgets[0] ?? 0), format: 'numeric' }, { text: <Tag text={r.status} colour={r.status === 'decided' ? 'green' : 'blue'} /> },
          ] }))} />
      ) : <p>There are no prioritisation rounds you can see yet.</p>}
      {canWrite && (
        <form onSubmit={create} noValidate>
          <h2 className="nhsuk-heading-m">Open a round for {actingFor!.orgName}</h2>
          {action.problem && <ErrorSummary errorList={[{ text: action.problem }, ...Object.entries(action.errors).map(([k, v]) => ({ text: `${k}: ${v}` }))]} />}
          <Input id="round-title" name="title" label={{ text: 'Title' }} value={title} onChange={setTitle} errorMessage={action.errors.title ? { text: action.errors.title } : null} />
          <Input id="round-first-year" name="firstYear" label={{ text: 'First financial year' }} hint={{ text: 'For example, 2009-10' }} value={firstYear} onChange={setFirstYear} classes="nhsuk-input--width-10" />
          {budgets.map((b, i) => (
            <Input key={i} id={`round-budget-${i}`} name={`budget${i}`} label={{ text: `Budget for new investment, year ${i + 1} (£)` }} value={b} inputmode="numeric" classes="nhsuk-input--width-10"
              onChange={(v) => setBudgets((bs) => bs.map((x, j) => (j === i ? v : x)))} />
          ))}
          <Input id="round-outcomes" name="outcomes" label={{ text: 'Outcomes the round should move' }} hint={{ text: 'Indicator ids, comma separated, e.g. mortality-cvd-under-75, smoking-quitters' }} value={outcomes} onChange={setOutcomes} />
          <Button text="Open round" disabled={action.busy} />
        </form>
      )}
    </Page>
  );
}
