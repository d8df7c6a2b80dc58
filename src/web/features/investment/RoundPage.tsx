// One prioritisation round: its budgets and status, the options with cost per QALY and weighted value,
// and the steps: criteria, panel scoring, optimisation, Monte Carlo, the plan and the board paper.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Select } from '../../components/Select.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { bandColours, bandLabels, gbp, investmentApi, type MonteCarlo, type Optimisation } from './api.ts';
import { useAction } from './use-action.ts';

export function RoundPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi(async (a) => ({ detail: await investmentApi.round(a, id), runs: await investmentApi.runs(a, id) }), [id, version]);
  const [opt, setOpt] = useState<Optimisation | null>(null);
  const [mc, setMc] = useState<MonteCarlo | null>(null);
  const action = useAction();

  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Prioritisation round" loading><LoadingPage /></Page>;
  const { round, options, criteria } = loaded.data.detail;
  const optimisation = opt ?? loaded.data.runs.optimisation?.result ?? null;
  const monteCarlo = mc ?? loaded.data.runs.monteCarlo?.result ?? null;
  const chosen = new Set(optimisation?.chosen ?? []);
  const pIn = new Map((monteCarlo?.optionCodes ?? []).map((c, i) => [c, monteCarlo!.probabilityIn[i]!]));
  const setStatus = async (status: string) => { if (await action.run(() => investmentApi.updateRound(api, id, { status }))) setVersion((v) => v + 1); };

  return (
    <Page title={round.title}>
      <BackLink href="/investment" text="All rounds" />
      <span className="nhsuk-caption-l">{round.orgCode} · prioritisation round</span>
      <h1>{round.title}</h1>
      {action.problem && <ErrorSummary errorList={[{ text: action.problem }]} />}
      <SummaryList rows={[
        { key: { text: 'Status' }, value: { text: <Tag text={round.status} colour="blue" /> } },
        { key: { text: 'Budgets for new investment' }, value: { text: round.budgets.map(gbp).join(' · ') } },
        { key: { text: 'Objective' }, value: { text: round.objective === 'qalys' ? 'Maximise QALYs gained' : 'Maximise weighted value (agreed scores × weights)' } },
        { key: { text: 'Threshold range' }, value: { text: `${gbp(round.thresholdLow)} to ${gbp(round.thresholdHigh)} per QALY` } },
        { key: { text: 'Criteria' }, value: { text: criteria.length ? criteria.map((c) => `${c.name} ${Math.round(c.weight * 100)}%`).join(', ') : 'Not agreed yet' } },
      ]} />
      <ul className="nhsuk-list">
        <li><AppLink href={`/investment/rounds/${id}/options/new`}>Add or change an option</AppLink></li>
        <li><AppLink href={`/investment/rounds/${id}/criteria`}>Criteria and swing weights</AppLink></li>
        <li><AppLink href={`/investment/rounds/${id}/panel`}>Panel scoring</AppLink></li>
        <li><AppLink href={`/investment/rounds/${id}/plan`}>Five-year financial plan</AppLink></li>
        <li><AppLink href={`/investment/rounds/${id}/board-paper`}>Board paper</AppLink></li>
      </ul>
      {round.status === 'open' && <Button text="Start panel scoring" variant="secondary" onClick={() => void setStatus('scoring')} type="button" />}
      {round.status === 'scoring' && <Button text="Close scoring (scores agreed)" variant="secondary" onClick={() => void setStatus('agreed')} type="button" />}
      {round.status === 'agreed' && <Button text="Record the board's decision (freeze the options)" variant="secondary" onClick={() => void setStatus('decided')} type="button" />}
      {round.status !== 'decided' && (
        <Select id="objective" name="objective" label={{ text: 'What the optimiser maximises' }} value={round.objective}
          onChange={(v) => void action.run(async () => { await investmentApi.updateRound(api, id, { objective: v }); setVersion((n) => n + 1); })}
          items={[{ value: 'qalys', text: 'QALYs gained (likely values)' }, { value: 'weighted', text: 'Weighted value (agreed scores × swing weights)' }]} />
      )}
      <Table caption={`Options (${options.length})`} responsive
        head={[{ text: 'Option' }, { text: 'Programme' }, { text: '5-year net cost', format: 'numeric' }, { text: 'QALYs (low–likely–high)', format: 'numeric' }, { text: '£ per QALY', format: 'numeric' }, { text: 'Judgement' }, { text: 'Weighted value', format: 'numeric' }, { text: 'In optimal set' }, { text: 'P(in)', format: 'numeric' }]}
        rows={options.map((o) => ({ key: o.code, cells: [
          { text: <><strong>{o.code}</strong> {o.title}{o.mustDo ? ' (must do)' : ''}{o.requires.length ? ` · needs ${o.requires.join(', ')}` : ''}{o.excludes.length ? ` · not with ${o.excludes.join(', ')}` : ''}</> },
          { text: o.programme }, { text: gbp(o.totalCost), format: 'numeric' }, { text: `${o.qalyLow}–${o.qalyLikely}–${o.qalyHigh}`, format: 'numeric' },
          { text: o.costPerQaly === null ? '–' : gbp(o.costPerQaly), format: 'numeric' },
          { text: <Tag text={bandLabels[o.costEffectiveness] ?? o.costEffectiveness} colour={bandColours[o.costEffectiveness] ?? 'grey'} /> },
          { text: o.weightedValue === null ? '–' : o.weightedValue.toFixed(0), format: 'numeric' },
          { text: optimisation ? (chosen.has(o.code) ? 'Yes' : 'No') : '–' },
          { text: pIn.has(o.code) ? `${Math.round(pIn.get(o.code)! * 100)}%` : '–', format: 'numeric' },
        ] }))} />
      <h2 className="nhsuk-heading-m">Optimise</h2>
      <p>The optimiser chooses the set of options with the most {round.objective === 'qalys' ? 'QALYs' : 'weighted value'} that fits each year’s budget, honouring must-dos, dependencies and exclusions, and proves it is the best.</p>
      <Button text="Find the optimal portfolio" type="button" disabled={action.busy} onClick={() => void action.run(async () => { setOpt(await investmentApi.optimise(api, id)); })} />{' '}
      <Button text="Run 1,000 Monte Carlo draws" type="button" variant="secondary" disabled={action.busy} onClick={() => void action.run(async () => { setMc(await investmentApi.monteCarlo(api, id, { draws: 1000 })); })} />
      {optimisation && (
        <>
          <p data-testid="optimal-set">Optimal portfolio: <strong>{optimisation.chosen.join(', ') || 'nothing'}</strong> ({optimisation.objective.toFixed(1)} {round.objective === 'qalys' ? 'QALYs' : 'points'}).</p>
          <Table caption="Budgets and the value of more money" head={[{ text: 'Year' }, { text: 'Budget', format: 'numeric' }, { text: 'Spend', format: 'numeric' }, { text: 'Headroom', format: 'numeric' }, { text: 'Value of £1m more', format: 'numeric' }]}
            rows={optimisation.budgets.map((b) => ({ key: String(b.year), cells: [{ text: `Year ${b.year + 1}` }, { text: gbp(b.budget), format: 'numeric' }, { text: gbp(b.spend), format: 'numeric' }, { text: gbp(b.slack), format: 'numeric' }, { text: (b.shadowPrice * 1e6).toFixed(2), format: 'numeric' }] }))} />
          <p>Value of £1m more in every year at once: {(optimisation.allYearsShadowPrice * 1e6).toFixed(2)} {round.objective === 'qalys' ? 'QALYs' : 'points'}. In at the margin: {optimisation.marginalIn.map((m) => m.id).join(', ') || 'none'}. Out at the margin: {optimisation.marginalOut.map((m) => m.id).join(', ') || 'none'}.</p>
        </>
      )}
      {monteCarlo && <p>Monte Carlo: {monteCarlo.draws.toLocaleString('en-GB')} draws ({monteCarlo.shape}, seed {monteCarlo.seed}); total value 5th–95th percentile {monteCarlo.objective.p5.toFixed(1)}–{monteCarlo.objective.p95.toFixed(1)}.</p>}
    </Page>
  );
}
