// /assurance/:cycle/league: the published league table (governance, then competencies), by segment, with
// change since last year and the open data files. Before publication the server answers only the national team.
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Table } from '../../components/Table.tsx';
import { WarningCallout } from '../../components/WarningCallout.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { assuranceApi, pctPath } from './api.ts';
import { RagTag } from './shared.tsx';

export function LeaguePage() {
  const { cycle = '' } = useParams();
  const loaded = useApi((a) => assuranceApi.league(a, cycle), [cycle]);
  if (loaded.state === 'error') {
    if (loaded.error.status === 401 || loaded.error.status === 403) {
      return <Page title="Not published yet"><h1>Assurance results {cycle}</h1><WarningCallout heading="Not published yet"><p>The results are published on the publication date. Until then only each PCT, its SHA and the national team can see them.</p></WarningCallout></Page>;
    }
    return <ProblemPage error={loaded.error} />;
  }
  if (loaded.state === 'loading') return <Page title="League table" loading><LoadingPage /></Page>;
  const l = loaded.data;
  const segments = [...new Set(l.rows.map((r) => r.segment).filter((s): s is number => s !== null))].sort();
  const change = (n: number | null, d = 0) => (n === null ? 'New' : n === 0 ? 'No change' : `${n > 0 ? '+' : ''}${n.toFixed(d)}`);
  const table = (caption: string, rows: typeof l.rows) => (
    <Table caption={caption} responsive firstCellIsHeader
      head={[{ text: 'Rank', format: 'numeric' }, { text: 'PCT' }, { text: 'Governance' }, { text: 'Mean competency level', format: 'numeric' }, { text: 'Earned autonomy' }, { text: 'Rank change', format: 'numeric' }, { text: 'Level change', format: 'numeric' }]}
      rows={rows.map((r) => ({ key: r.orgCode, cells: [{ text: String(r.rank), format: 'numeric' }, { text: <AppLink href={`${pctPath(l.year, r.orgCode)}/report`}>{r.name ?? r.orgCode} ({r.orgCode})</AppLink> },
        { text: <RagTag rag={r.governanceOverall} /> }, { text: r.meanLevel.toFixed(2), format: 'numeric' }, { text: r.autonomyTitle ?? r.autonomyStatus ?? '–' },
        { text: change(r.rankChange), format: 'numeric' }, { text: change(r.meanLevelChange, 2), format: 'numeric' }] }))} />
  );
  return (
    <Page title={`Assurance results ${l.year}`}>
      <h1>Assurance results {l.year}</h1>
      {!l.published && <WarningCallout heading="Not published yet"><p>You see this as the national team. It becomes public on the publication date.</p></WarningCallout>}
      <p>Ranked by governance (red 0, amber 1, green 2 per sub-indicator), then by competency levels. Source: WCC assurance panels, calibrated nationally.</p>
      <p>Open data: <a href={`/api/open-data/assurance/${l.year}.csv`}>CSV</a> · <a href={`/api/open-data/assurance/${l.year}.json`}>JSON</a></p>
      {table(`League table ${l.year}`, l.rows)}
      {segments.map((s) => <div key={s}>{table(`Segment ${s}`, l.rows.filter((r) => r.segment === s))}</div>)}
    </Page>
  );
}
