// A PCT's (or England's) population: segments × risk tiers, cost concentration (Lorenz curve and top
// shares), the high-cost group, and opportunity against statistical peers' best quartile. The whole
// population is counted: people with no hospital contact are scored by stratum on the server. Aggregates only.
import { useParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { MEASURES, SEGMENTS, TIERS, percent, pounds, riskApi, whole } from './api.ts';

export function PopulationPage() {
  const code = (useParams().code ?? 'ENG').toUpperCase();
  const { actingFor } = useSession();
  const res = useApi((api) => riskApi.area(api, code), [code]);
  const name = code === 'ENG' ? 'England' : code;
  if (res.state === 'error') return <ProblemPage error={res.error} />;
  if (res.state === 'loading') return <Page title={`Population: ${name}`} loading><LoadingPage /></Page>;
  const { views: v, modelVersion } = res.data;
  const bySegment = Object.keys(SEGMENTS).map((s) => {
    const cells = v.pyramid.filter((c) => c.segment === s);
    const sum = (k: 'people' | 'cost' | 'emergencyAdmissions') => (cells.some((c) => c[k] === null) ? null : cells.reduce((t, c) => t + (c[k] ?? 0), 0));
    return { s, people: sum('people'), cost: sum('cost'), emergency: sum('emergencyAdmissions') };
  });
  const opportunity = v.opportunity.filter((o) => o.programme === 'All programmes');
  const programmes = v.opportunity.filter((o) => o.programme !== 'All programmes' && o.measure === 'emergency_cost' && (o.gapPounds ?? 0) > 0)
    .sort((a, b) => (b.gapPounds ?? 0) - (a.gapPounds ?? 0)).slice(0, 8);
  const canList = code !== 'ENG' && actingFor?.orgCode === code && actingFor.roles.some((r) => r.role === 'pct_commissioner' || r.role === 'pct_analyst');
  return (
    <Page title={`Population: ${name}`}>
      <h1>Knowing the population: {name}</h1>
      <p>Risk of an emergency admission in {v.scoreYear} (model v{modelVersion}); activity and hospital cost in {v.costYear}. Counts under 5 are suppressed.</p>
      <p><AppLink href="/needs/model">How good is the model?</AppLink>{canList && <> · <AppLink href={`/needs/areas/${code}/patients`}>Case-finding list</AppLink></>}{code !== 'ENG' && <> · <AppLink href="/needs/areas/ENG">England</AppLink></>}</p>
      <SummaryList rows={[
        { key: { text: 'Population' }, value: { text: whole(v.population) } },
        { key: { text: 'Known to hospital services in the last two years' }, value: { text: `${whole(v.knownPeople)} (${percent(v.knownPeople / Math.max(1, v.population))})` } },
        { key: { text: 'No recorded hospital contact' }, value: { text: `${whole(v.noContactPeople)}: scored from age, sex and deprivation, counted in every segment, tier and cost share (at £0)` } },
        { key: { text: `Hospital cost, ${v.costYear}` }, value: { text: pounds(v.concentration.totalCost) } },
      ]} />
      <h2>Segments and risk tiers</h2>
      <figure style={{ margin: 0 }} data-chart="pyramid"><img src={`/api/risk/areas/${code}/charts/pyramid.svg`} alt={`Bar chart of people by segment and risk tier in ${name}.`} style={{ maxWidth: '100%', height: 'auto' }} /></figure>
      <Table caption="People, emergency admissions and cost by segment" head={[{ text: 'Segment' }, { text: 'People', format: 'numeric' }, { text: 'Emergency admissions', format: 'numeric' }, { text: 'Cost', format: 'numeric' }]}
        rows={bySegment.map((r) => ({ key: r.s, cells: [{ text: SEGMENTS[r.s] ?? r.s }, { text: whole(r.people), format: 'numeric' }, { text: whole(r.emergency), format: 'numeric' }, { text: pounds(r.cost), format: 'numeric' }] }))} />
      <Table caption="People by segment and risk tier" captionSize="s" responsive head={[{ text: 'Segment' }, ...Object.values(TIERS).map((t) => ({ text: t, format: 'numeric' as const }))]}
        rows={Object.keys(SEGMENTS).map((s) => ({ key: s, cells: [{ text: SEGMENTS[s]! }, ...Object.keys(TIERS).map((t) => {
          const c = v.pyramid.find((x) => x.segment === s && x.tier === t);
          return { text: c?.suppressed ? 'fewer than 5' : whole(c?.people ?? 0), format: 'numeric' as const };
        })] }))} />
      <h2>Cost concentration</h2>
      <p>The costliest 1% of people used {percent(v.concentration.top1)} of hospital cost, the costliest 5% used {percent(v.concentration.top5)} and the costliest 20% used {percent(v.concentration.top20)}.</p>
      <figure style={{ margin: 0 }} data-chart="lorenz"><img src={`/api/risk/areas/${code}/charts/lorenz.svg`} alt={`Lorenz curve of hospital cost in ${name}${code === 'ENG' ? '' : ' and England'}.`} style={{ maxWidth: '100%', height: 'auto' }} /></figure>
      <Table caption="Share of cost used by the costliest people" captionSize="s" head={[{ text: 'Costliest people' }, { text: 'Share of cost', format: 'numeric' }]}
        rows={v.concentration.points.map((p) => ({ key: String(p.topPercent), cells: [{ text: `${p.topPercent}%` }, { text: percent(p.costShare), format: 'numeric' }] }))} />
      <h3>Who the costliest 5% are</h3>
      {v.highCost.suppressed ? <p>Fewer than 5 people: suppressed.</p> : (
        <SummaryList rows={[
          { key: { text: 'People' }, value: { text: whole(v.highCost.people) } },
          { key: { text: 'Cost' }, value: { text: pounds(v.highCost.cost) } },
          { key: { text: 'Mean age' }, value: { text: (v.highCost.meanAge ?? 0).toFixed(0) } },
          { key: { text: 'Aged 75 and over' }, value: { text: percent(v.highCost.share75Plus) } },
          { key: { text: 'Women' }, value: { text: percent(v.highCost.shareFemale) } },
          { key: { text: 'Had an emergency admission' }, value: { text: percent(v.highCost.shareEmergency) } },
          { key: { text: 'Mean long-term conditions' }, value: { text: (v.highCost.meanLtcs ?? 0).toFixed(1) } },
          { key: { text: 'Living in the most deprived quintile' }, value: { text: percent(v.highCost.shareMostDeprived) } },
          { key: { text: 'Segments' }, value: { text: v.highCost.segments.map((s) => `${SEGMENTS[s.segment] ?? s.segment}: ${whole(s.people)}`).join('; ') } },
        ]} />
      )}
      <h2>Opportunity against peers' best quartile</h2>
      {code === 'ENG' ? <p>Opportunity is sized for each PCT against its statistical peers; choose a PCT to see it.</p> : (
        <>
          <p>Indirectly standardised for age and sex. Peers are the {(v.opportunityPeers ?? []).length} PCTs nearest to {name} in deprivation (IMD score and share in the most deprived fifth) and age structure (shares under 15 and 65 and over). The gap is the activity above what the peers' best quartile ratio would give, and its cost at this PCT's average cost.</p>
          {(v.opportunityPeers ?? []).length > 0 && <p>Statistical peers, nearest first: {(v.opportunityPeers ?? []).map((p) => p.code).join(', ')}.</p>}
          <Table caption={`Opportunity, ${v.costYear}`} responsive head={[{ text: 'Measure' }, { text: 'Observed', format: 'numeric' }, { text: 'Expected', format: 'numeric' }, { text: 'Ratio', format: 'numeric' }, { text: 'Peers\' best quartile', format: 'numeric' }, { text: 'Gap', format: 'numeric' }, { text: 'Gap (£)', format: 'numeric' }]}
            rows={opportunity.map((o) => ({ key: o.measure, cells: [{ text: MEASURES[o.measure] ?? o.measure }, { text: whole(o.observed), format: 'numeric' }, { text: whole(o.expected), format: 'numeric' }, { text: o.ratio?.toFixed(2) ?? '–', format: 'numeric' }, { text: o.bestQuartileRatio?.toFixed(2) ?? '–', format: 'numeric' }, { text: o.gap === null ? 'suppressed' : whole(o.gap), format: 'numeric' }, { text: pounds(o.gapPounds), format: 'numeric' }] }))} />
          {programmes.length > 0 && <Table caption="Largest emergency cost gaps by programme" captionSize="s" head={[{ text: 'Programme' }, { text: 'Ratio', format: 'numeric' }, { text: 'Best quartile', format: 'numeric' }, { text: 'Gap (£)', format: 'numeric' }]}
            rows={programmes.map((o) => ({ key: o.programme, cells: [{ text: o.programme }, { text: o.ratio?.toFixed(2) ?? '–', format: 'numeric' }, { text: o.bestQuartileRatio?.toFixed(2) ?? '–', format: 'numeric' }, { text: pounds(o.gapPounds), format: 'numeric' }] }))} />}
        </>
      )}
    </Page>
  );
}
