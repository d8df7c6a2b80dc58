// Progress dashboards: a PCT's outcomes against their milestones (status with the CI, SPC assurance,
// projection, trend chart with the trajectory), an SHA's PCTs, and the national summary.
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { ASSURANCE_LABELS, TRAJECTORY_STYLES } from '../../charts/colours.ts';
import { getNationalProgress, getPctProgress, getShaProgress } from './api.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { fmt, statusLabels } from './format.ts';

export function PctProgressPage() {
  const { code = '' } = useParams();
  const loaded = useApi((api) => getPctProgress(api, code), [code]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Outcome progress" loading><LoadingPage /></Page>;
  const p = loaded.data;
  return (
    <Page title={`Outcome progress ${p.area.code}`}>
      <span className="nhsuk-caption-l">{p.area.name} · cycle {p.cycle.year}</span>
      <h1>Progress against trajectories</h1>
      <p>Selection: <Tag text={statusLabels[p.status]?.text ?? p.status} colour={statusLabels[p.status]?.colour} /> · <AppLink href={`/orgs/${p.area.code}/outcomes`}>Choices and trajectories</AppLink></p>
      {p.rows.length === 0 ? <p>No outcomes have been chosen for this cycle yet.</p> : (
        <>
          <Table caption="Latest value against this year's milestone" responsive firstCellIsHeader
            head={[{ text: 'Outcome' }, { text: 'Latest', format: 'numeric' }, { text: '95% CI', format: 'numeric' }, { text: 'Milestone', format: 'numeric' }, { text: 'Status' }, { text: 'SPC assurance' }, { text: 'Projected final year', format: 'numeric' }, { text: 'Target', format: 'numeric' }]}
            rows={p.rows.map((r) => ({
              key: r.indicatorId,
              cells: [{ text: r.title }, { text: `${fmt(r.latestValue, 2)} (${r.latestPeriod ?? '–'})`, format: 'numeric' }, { text: `${fmt(r.lower95, 2)}–${fmt(r.upper95, 2)}`, format: 'numeric' },
                { text: `${fmt(r.milestone, 2)}${r.yearOfTrajectory !== null ? ` (year ${r.yearOfTrajectory})` : ''}`, format: 'numeric' },
                { text: <Tag text={TRAJECTORY_STYLES[r.status].label} colour={TRAJECTORY_STYLES[r.status].tag} /> },
                { text: r.assurance ? <Tag text={ASSURANCE_LABELS[r.assurance].label} colour={ASSURANCE_LABELS[r.assurance].tag} /> : 'None' },
                { text: `${fmt(r.projectedFinal, 2)}${r.projectedToMeetTarget === null ? '' : r.projectedToMeetTarget ? ' (meets target)' : ' (misses target)'}`, format: 'numeric' },
                { text: `${fmt(r.targetValue, 2)} by ${r.finalPeriodYear}`, format: 'numeric' }],
            }))} />
          {p.rows.map((r) => <section key={r.indicatorId}><h2 className="nhsuk-heading-s">{r.title}</h2><ChartFigure code={p.area.code} kind="trend" query={{ indicator: r.indicatorId }} /></section>)}
        </>
      )}
    </Page>
  );
}

export function ShaProgressPage() {
  const { code = '' } = useParams();
  const loaded = useApi((api) => getShaProgress(api, code), [code]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="SHA outcome progress" loading><LoadingPage /></Page>;
  const s = loaded.data;
  return (
    <Page title={`Outcome progress ${s.area.code}`}>
      <span className="nhsuk-caption-l">{s.area.name} · cycle {s.cycle.year}</span>
      <h1>Local outcomes of {s.pcts.length} PCTs</h1>
      <Table caption={`Selections and progress in ${s.area.name}`} responsive firstCellIsHeader
        head={[{ text: 'PCT' }, { text: 'Selection' }, { text: 'Outcomes', format: 'numeric' }, { text: 'Ahead', format: 'numeric' }, { text: 'On', format: 'numeric' }, { text: 'Off', format: 'numeric' }, { text: 'Not assessed', format: 'numeric' }]}
        rows={s.pcts.map((p) => ({
          key: p.orgCode,
          cells: [{ text: <AppLink href={`/orgs/${p.orgCode}/outcomes`}>{p.name} ({p.orgCode})</AppLink> }, { text: <Tag text={statusLabels[p.status].text} colour={statusLabels[p.status].colour} /> },
            { text: String(p.chosen), format: 'numeric' }, { text: String(p.ahead), format: 'numeric' }, { text: String(p.on), format: 'numeric' }, { text: String(p.off), format: 'numeric' }, { text: String(p.notAssessed), format: 'numeric' }],
        }))} />
      <p><AppLink href={`/areas/${s.area.code}`}>Health profile and heatmap of {s.area.name}</AppLink></p>
    </Page>
  );
}

export function NationalProgressPage() {
  const loaded = useApi((api) => getNationalProgress(api), []);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="National outcome progress" loading><LoadingPage /></Page>;
  const n = loaded.data;
  return (
    <Page title="National outcome progress">
      <span className="nhsuk-caption-l">England · cycle {n.cycle.year}</span>
      <h1>Local outcomes across England</h1>
      <p>{n.pcts} PCTs: {Object.entries(n.statusCounts).map(([k, v]) => `${v} ${statusLabels[k]?.text.toLowerCase() ?? k}`).join(', ')}.</p>
      <Table caption="Outcomes chosen most often, and how many are on track" responsive firstCellIsHeader
        head={[{ text: 'Outcome' }, { text: 'PCTs choosing it', format: 'numeric' }, { text: 'Ahead', format: 'numeric' }, { text: 'On', format: 'numeric' }, { text: 'Off', format: 'numeric' }]}
        rows={n.indicators.map((i) => ({ key: i.indicatorId, cells: [{ text: i.title }, { text: String(i.chosen), format: 'numeric' }, { text: String(i.ahead), format: 'numeric' }, { text: String(i.on), format: 'numeric' }, { text: String(i.off), format: 'numeric' }] }))} />
      <Table caption="By strategic health authority" responsive firstCellIsHeader
        head={[{ text: 'SHA' }, { text: 'Selections', format: 'numeric' }, { text: 'Approved', format: 'numeric' }, { text: 'Outcomes on track or ahead', format: 'numeric' }]}
        rows={n.shas.map((s) => ({ key: s.shaCode, cells: [{ text: <AppLink href={`/outcomes/sha/${s.shaCode}`}>{s.shaCode}</AppLink> }, { text: String(s.selections), format: 'numeric' }, { text: String(s.approved), format: 'numeric' }, { text: `${s.onTrack} of ${s.outcomes}`, format: 'numeric' }] }))} />
      <p><AppLink href="/areas/ENG">England profile and the heatmap of all PCTs</AppLink></p>
    </Page>
  );
}
