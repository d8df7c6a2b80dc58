// /areas/{code}: an area's profile in a period against England, its parent SHA or its statistical
// peers — summary, spine chart, table with comparisons and trends, peers and their distances, one
// indicator in depth (compare, funnel, trend with SPC, inequalities), and a heatmap for an SHA or England.
import { useParams, useSearchParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { outcomeStyle, TREND_LABELS } from '../../charts/colours.ts';
import { getProfile } from './api.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { fmt } from './format.ts';
import { IndicatorDetail } from './IndicatorDetail.tsx';

export function AreaProfilePage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const benchmark = params.get('benchmark') ?? 'england';
  const set = (k: string, v: string) => { const p = new URLSearchParams(params); p.set(k, v); setParams(p, { replace: true }); };
  const loaded = useApi((api) => getProfile(api, code, { period, benchmark }), [code, period, benchmark]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Area profile" loading><LoadingPage /></Page>;
  const p = loaded.data;
  const count = (rag: string) => p.rows.filter((r) => r.rag === rag).length;
  const redRed = p.rows.filter((r) => r.redRed).length;
  const isPct = p.area.type === 'pct';
  const indicator = params.get('indicator') ?? p.rows.find((r) => r.redRed)?.indicatorId ?? p.rows[0]?.indicatorId ?? '';
  const benchmarks = [{ value: 'england', text: 'England' }, ...(p.area.parentCode ? [{ value: 'parent', text: `Parent: ${p.area.parentName ?? p.area.parentCode}` }] : []),
    ...(isPct ? [{ value: 'peers', text: 'Statistical peers (10 nearest)' }] : [])];
  return (
    <Page title={`${p.area.name} profile`}>
      <span className="nhsuk-caption-l">{isPct ? 'PCT' : p.area.type === 'sha' ? 'Strategic health authority' : 'England'} · {p.area.code}</span>
      <h1>{p.area.name}: health profile</h1>
      {!p.period ? <p>There are no indicator values yet. Import data and compute the indicators first.</p> : (<>
        <div className="nhsuk-grid-row wcc-no-print">
          <div className="nhsuk-grid-column-one-half">
            <Select id="period" name="period" label={{ text: 'Period' }} value={p.period} onChange={(v) => set('period', v)} items={p.periods.map((x) => ({ value: x, text: x }))} />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <Select id="benchmark" name="benchmark" label={{ text: 'Compare with' }} value={benchmark} onChange={(v) => set('benchmark', v)} items={benchmarks} />
          </div>
        </div>
        <p className="nhsuk-body-l" data-testid="profile-summary">
          Against {p.benchmark.label} in {p.period}: <strong>{count('red')}</strong> worse, <strong>{count('amber')}</strong> similar, <strong>{count('green')}</strong> better
          {redRed ? <>; <strong>{redRed}</strong> worse and getting worse</> : null}.
        </p>
        <p className="wcc-no-print">
          {isPct && <><AppLink href={`/areas/${p.area.code}/needs-assessment`}>Needs-assessment report</AppLink> · <a href={`/api/areas/${p.area.code}/needs-assessment.pdf`}>PDF</a> · <AppLink href={`/orgs/${p.area.code}/outcomes`}>Local outcomes and trajectories</AppLink> · </>}
          {p.area.type === 'sha' && <><AppLink href={`/outcomes/sha/${p.area.code}`}>Outcome progress of its PCTs</AppLink> · </>}
          <AppLink href={`/orgs/${p.area.code}`}>Organisation details</AppLink>
        </p>
        {!isPct && (<><h2>Heatmap of {p.area.type === 'england' ? 'all PCTs' : 'its PCTs'}</h2><ChartFigure code={p.area.code} kind="heatmap" query={{ period: p.period }} /></>)}
        <h2>All indicators</h2>
        <ChartFigure code={p.area.code} kind="spine" query={{ period: p.period, benchmark }} lazy={!isPct} />
        <Table caption={`Indicators for ${p.area.name}, ${p.period}, compared with ${p.benchmark.label}`} responsive firstCellIsHeader
          head={[{ text: 'Indicator' }, { text: 'Value', format: 'numeric' }, { text: '95% CI', format: 'numeric' }, { text: p.benchmark.label, format: 'numeric' }, { text: 'Compared' }, { text: 'Recent trend' }]}
          rows={p.rows.map((r) => ({
            key: r.indicatorId,
            cells: [
              { text: <AppLink href={`/areas/${p.area.code}?${new URLSearchParams({ period: p.period!, benchmark, indicator: r.indicatorId })}#indicator`}>{r.title}</AppLink> },
              { text: fmt(r.value), format: 'numeric' }, { text: `${fmt(r.lower95)}–${fmt(r.upper95)}`, format: 'numeric' },
              { text: fmt(r.benchmarkValue), format: 'numeric' },
              { text: <Tag text={outcomeStyle(r.comparison).label} colour={outcomeStyle(r.comparison).tag} /> },
              { text: <>{TREND_LABELS[r.trend] ?? r.trend}{r.redRed && <> <Tag text="Worse and getting worse" colour="red" /></>}</> },
            ],
          }))} />
        {p.benchmark.peers && (
          <>
            <h2>Statistical peers</h2>
            <p>Nearest neighbours on {p.benchmark.peers.variables.map((v) => v.label.toLowerCase()).join('; ')} (standardised, equal weights). {p.benchmark.peers.note}</p>
            <Table caption={`The ${p.benchmark.peers.peers.length} statistical peers of ${p.area.name}`} responsive
              head={[{ text: 'Rank' }, { text: 'PCT' }, { text: 'Distance', format: 'numeric' }, ...p.benchmark.peers.variables.map((v) => ({ text: v.name, format: 'numeric' as const }))]}
              rows={[{ code: p.area.code, rank: 0, distance: 0, values: p.benchmark.peers.values }, ...p.benchmark.peers.peers].map((x) => ({
                key: x.code,
                cells: [{ text: x.rank === 0 ? 'This PCT' : String(x.rank) }, { text: <AppLink href={`/areas/${x.code}`}>{x.code}</AppLink> }, { text: fmt(x.distance, 2), format: 'numeric' },
                  ...p.benchmark.peers!.variables.map((v) => ({ text: fmt(x.values[v.name], 2), format: 'numeric' as const }))],
              }))} />
          </>
        )}
        <h2>Population</h2>
        <ChartFigure code={p.area.code} kind="pyramid" query={{ period: p.period }} lazy />
        {indicator && <IndicatorDetail profile={p} indicator={indicator} onChange={(k, v) => set(k, v)} params={params} />}
      </>)}
    </Page>
  );
}
