// /areas/{code}/needs-assessment: the printable needs-assessment report (the PDF has the same content).
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { Table } from '../../components/Table.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { outcomeStyle, TRAJECTORY_STYLES, TREND_LABELS } from '../../charts/colours.ts';
import { getNeedsAssessment } from './api.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { fmt } from './format.ts';

export function NeedsAssessmentPage() {
  const { code = '' } = useParams();
  const loaded = useApi((api) => getNeedsAssessment(api, code), [code]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Needs assessment" loading><LoadingPage /></Page>;
  const na = loaded.data, p = na.profile;
  return (
    <Page title={`Needs assessment ${p.area.code}`}>
      <span className="nhsuk-caption-l">{p.area.parentName} · period {p.period}</span>
      <h1>Needs assessment: {p.area.name}</h1>
      <p className="wcc-no-print"><a href={`/api/areas/${p.area.code}/needs-assessment.pdf`}>Download as PDF</a> · Print this page for a paper copy.</p>
      <p>Of {p.rows.length} indicators, {na.counts.worse} are worse than England, {na.counts.similar} similar and {na.counts.better} better; {na.counts.redRed} are worse than England and getting worse.</p>
      <h2>1. Profile</h2>
      <ChartFigure code={p.area.code} kind="spine" query={{ period: p.period ?? undefined }} />
      <h2>2. Top concerns</h2>
      {na.concerns.length === 0 ? <p>No indicator is worse than England.</p> : (
        <Table caption="Worse than England (worse and getting worse first)" responsive firstCellIsHeader
          head={[{ text: 'Indicator' }, { text: 'Value', format: 'numeric' }, { text: 'England', format: 'numeric' }, { text: 'Compared' }, { text: 'Recent trend' }]}
          rows={na.concerns.map((c) => ({ key: c.indicatorId, cells: [{ text: c.title }, { text: fmt(c.value), format: 'numeric' }, { text: fmt(c.englandValue), format: 'numeric' }, { text: outcomeStyle(c.comparison).label }, { text: TREND_LABELS[c.trend] ?? c.trend }] }))} />
      )}
      {na.concerns.slice(0, 2).map((c) => <ChartFigure key={c.indicatorId} code={p.area.code} kind="trend" query={{ indicator: c.indicatorId }} />)}
      <h2>3. Inequalities</h2>
      <ul>{na.inequalities?.lifeExpectancyGap.filter((g) => g.value !== null).map((g) => <li key={g.indicatorId}>{g.title}: {fmt(g.value)} years (95% CI {fmt(g.lower95)}–{fmt(g.upper95)})</li>)}</ul>
      {na.inequalities?.segments.length ? <ChartFigure code={p.area.code} kind="inequalities" query={{ indicator: na.inequalities.indicator.id, period: p.period ?? undefined }} /> : <p>No deprivation breakdown is available.</p>}
      <h2>4. Chosen outcomes and trajectories</h2>
      {na.outcomesNote && <p>{na.outcomesNote}</p>}
      {na.outcomes && na.outcomes.rows.length > 0 && (
        <>
          <ul>{na.outcomes.rows.map((r) => <li key={r.indicatorId}>{r.title}: latest {fmt(r.latestValue, 2)} against milestone {fmt(r.milestone, 2)} — {TRAJECTORY_STYLES[r.status].label.toLowerCase()}</li>)}</ul>
          <Table caption={`Trajectories (${na.outcomes.cycle.year}, ${na.outcomes.status})`} responsive firstCellIsHeader
            head={[{ text: 'Outcome' }, { text: 'Baseline', format: 'numeric' }, ...na.outcomes.rows[0].milestones.slice(1).map((_, t) => ({ text: `Year ${t + 1}`, format: 'numeric' as const }))]}
            rows={na.outcomes.rows.map((r) => ({ key: r.indicatorId, cells: [{ text: `${r.title}${r.mandated ? ' (mandated)' : ''}` }, { text: `${fmt(r.baselineValue, 2)} (${r.baselinePeriod})`, format: 'numeric' },
              ...r.milestones.slice(1).map((m) => ({ text: fmt(m, 2), format: 'numeric' as const }))] }))} />
        </>
      )}
    </Page>
  );
}
