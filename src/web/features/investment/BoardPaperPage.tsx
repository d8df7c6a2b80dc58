// The board paper of a round as a page (the same data as the PDF): summary, options, the optimal
// portfolio, sensitivity, the plan and the expected effect on the chosen outcomes, with the charts
// drawn by the server and a table beside each.
import { useParams } from 'react-router-dom';
import { BackLink } from '../../components/BackLink.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { bandLabels, gbp, gbpM, investmentApi } from './api.ts';

export function BoardPaperPage() {
  const { id = '' } = useParams();
  const loaded = useApi((a) => investmentApi.boardPaper(a, id), [id]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Board paper" loading><LoadingPage /></Page>;
  const p = loaded.data;
  const { round, options } = p.detail;
  const opt = p.optimisation, mc = p.monteCarlo, plan = p.plan;
  const chosen = new Set(opt?.chosen ?? []);
  const pIn = new Map((mc?.optionCodes ?? []).map((c, i) => [c, mc!.probabilityIn[i]!]));
  const chart = (name: string, alt: string) => <img src={`/api/investment/rounds/${id}/charts/${name}.svg`} alt={alt} style={{ maxWidth: '100%' }} />;
  return (
    <Page title={`Board paper: ${round.title}`}>
      <BackLink href={`/investment/rounds/${id}`} text="Back to the round" />
      <span className="nhsuk-caption-l">{p.orgName} · board paper</span>
      <h1>{round.title}</h1>
      <p><a className="nhsuk-link" href={`/api/investment/rounds/${id}/board-paper.pdf`}>Download the board paper (PDF)</a></p>
      <h2 className="nhsuk-heading-m">Summary</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>Budgets for new investment, {p.years[0]} to {p.years[4]}: {round.budgets.map(gbpM).join(', ')}.</li>
        <li>{opt ? <>Optimal portfolio (proven optimal): <strong data-testid="paper-chosen">{opt.chosen.join(', ')}</strong>, {opt.objective.toFixed(1)} {round.objective === 'qalys' ? 'QALYs' : 'value points'}.</> : 'The optimiser has not been run.'}</li>
        <li>{mc ? `Sensitivity: ${mc.draws} Monte Carlo draws; total value 5th–95th percentile ${mc.objective.p5.toFixed(1)}–${mc.objective.p95.toFixed(1)}.` : 'No Monte Carlo run yet.'}</li>
        <li>{plan ? <>Five-year plan: {plan.affordability.affordable ? 'affordable' : 'not affordable'}; financial risk rating <Tag text={`${plan.risk.rating} – ${plan.risk.label}`} colour={plan.risk.rag === 'green' ? 'green' : plan.risk.rag === 'amber' ? 'yellow' : 'red'} /></> : 'No five-year plan is linked to this round.'}</li>
      </ul>
      <Table caption="Options appraised" responsive head={[{ text: 'Option' }, { text: '5-year net cost', format: 'numeric' }, { text: 'QALYs (likely)', format: 'numeric' }, { text: '£ per QALY', format: 'numeric' }, { text: 'Judgement' }, { text: 'Value', format: 'numeric' }, { text: 'In?' }, { text: 'P(in)', format: 'numeric' }]}
        rows={options.map((o) => ({ key: o.code, cells: [{ text: `${o.code} ${o.title}` }, { text: gbp(o.totalCost), format: 'numeric' }, { text: String(o.qalyLikely), format: 'numeric' },
          { text: o.costPerQaly === null ? '–' : gbp(o.costPerQaly), format: 'numeric' }, { text: bandLabels[o.costEffectiveness] ?? o.costEffectiveness },
          { text: o.weightedValue === null ? '–' : o.weightedValue.toFixed(0), format: 'numeric' }, { text: opt ? (chosen.has(o.code) ? 'Yes' : 'No') : '–' },
          { text: pIn.has(o.code) ? `${Math.round(pIn.get(o.code)! * 100)}%` : '–', format: 'numeric' }] }))} />
      {opt && <>{chart('cost-per-qaly', 'Bar chart of cost per QALY for each option against the threshold range; the table above gives the figures')}
        <p>In at the margin: {opt.marginalIn.map((m) => m.id).join(', ') || 'none'}. Out at the margin: {opt.marginalOut.map((m) => m.id).join(', ') || 'none'}. Value of £1m more in year 1 alone: {(opt.budgets[0]!.shadowPrice * 1e6).toFixed(2)}; in every year: {(opt.allYearsShadowPrice * 1e6).toFixed(2)}.</p></>}
      {mc && <>{chart('probability', 'Bar chart of each option’s probability of being in the optimal portfolio; the P(in) column gives the figures')}</>}
      {plan && (
        <>
          <Table caption="Surplus or deficit by scenario" captionSize="s" head={[{ text: 'Scenario' }, ...plan.years.map((y) => ({ text: y, format: 'numeric' as const }))]}
            rows={plan.scenarios.map((s) => ({ key: s.name, cells: [{ text: s.name }, ...s.years.map((y) => ({ text: gbpM(y.surplus), format: 'numeric' as const }))] }))} />
          {chart('surplus', 'Line chart of surplus or deficit by year for each scenario; the table above gives the figures')}
        </>
      )}
      {p.outcomeEffects.length === 0 ? <><h2 className="nhsuk-heading-m">Expected effect on our chosen outcomes</h2><p>The round names no outcomes.</p></> : <Table caption="Expected effect on our chosen outcomes" captionSize="s" head={[{ text: 'Outcome' }, { text: 'Baseline' }, ...p.years.map((y) => ({ text: y, format: 'numeric' as const })), { text: 'From' }]}
        rows={p.outcomeEffects.map((e) => ({ key: e.indicatorId, cells: [{ text: e.indicatorId }, { text: e.baseline === null ? '–' : `${e.baseline} (${e.baselinePeriod})` },
          ...e.changeByYear.map((v) => ({ text: v.toFixed(2), format: 'numeric' as const })), { text: e.contributors.join(', ') || '–' }] }))} />}
    </Page>
  );
}
