// The model page: held-out performance beside the baseline, the calibration plot (with its table) and
// the same metrics by sex, age band and deprivation quintile.
import { Table } from '../../components/Table.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Details } from '../../components/Details.tsx';
import { InsetText } from '../../components/InsetText.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { percent, riskApi, whole } from './api.ts';

const DIMENSIONS: Record<string, string> = { sex: 'Sex', age_band: 'Age band', imd_quintile: 'Deprivation quintile' };

export function ModelPage() {
  const res = useApi((api) => riskApi.model(api), []);
  if (res.state === 'error') return <ProblemPage error={res.error} />;
  if (res.state === 'loading') return <Page title="Risk model" loading><LoadingPage /></Page>;
  const { model: m, performance: p, coefficients } = res.data;
  const auc = (a: { value: number; lower95: number; upper95: number } | null) => (a ? `${a.value.toFixed(3)} (${a.lower95.toFixed(3)} to ${a.upper95.toFixed(3)})` : '–');
  return (
    <Page title="Risk model">
      <h1>Predictive risk of emergency admission: model v{m.version}</h1>
      <p>Logistic regression with an L2 penalty, trained on the outcomes of {m.trainYear} and tested on people's outcomes in {m.testYear}, a year it never saw. Features come from the previous {m.lookbackYears} years of hospital activity.</p>
      <SummaryList rows={[
        { key: { text: 'AUROC (95% CI)' }, value: { text: auc(p.model.auroc) } },
        { key: { text: 'Baseline AUROC (prior-year emergency admissions)' }, value: { text: auc(p.baseline.auroc) } },
        { key: { text: 'People tested' }, value: { text: `${whole(p.people)}, of whom ${whole(p.events)} (${percent(p.prevalence)}) had an emergency admission` } },
        { key: { text: 'Predicted against observed admissions' }, value: { text: `${whole(p.model.expected)} predicted, ${whole(p.model.observed)} observed` } },
      ]} />
      <Table caption="Positive predictive value and sensitivity among the highest-risk people" head={[{ text: 'Highest-risk group' }, { text: 'People', format: 'numeric' }, { text: 'Model PPV', format: 'numeric' }, { text: 'Model sensitivity', format: 'numeric' }, { text: 'Baseline PPV', format: 'numeric' }, { text: 'Baseline sensitivity', format: 'numeric' }]}
        rows={p.model.top.map((t, i) => ({ key: String(t.topPercent), cells: [{ text: `Top ${t.topPercent}%` }, { text: whole(t.people), format: 'numeric' }, { text: percent(t.ppv), format: 'numeric' }, { text: percent(t.sensitivity), format: 'numeric' },
          { text: percent(p.baseline.top[i]?.ppv), format: 'numeric' }, { text: percent(p.baseline.top[i]?.sensitivity), format: 'numeric' }] }))} />
      <h2>Calibration</h2>
      <figure style={{ margin: 0 }} data-chart="calibration">
        <img src={`/api/risk/charts/calibration.svg?version=${m.version}`} alt={`Calibration plot: predicted and observed percentage with an emergency admission by decile of predicted risk, ${m.testYear}.`} style={{ maxWidth: '100%', height: 'auto' }} />
      </figure>
      <Table caption={`Calibration by decile of predicted risk, ${m.testYear}`} captionSize="s" head={[{ text: 'Decile (1 = lowest)' }, { text: 'People', format: 'numeric' }, { text: 'Predicted', format: 'numeric' }, { text: 'Observed', format: 'numeric' }]}
        rows={p.calibration.map((c) => ({ key: String(c.decile), cells: [{ text: String(c.decile) }, { text: whole(c.people), format: 'numeric' }, { text: percent(c.meanPredicted), format: 'numeric' }, { text: percent(c.observedRate), format: 'numeric' }] }))} />
      <h2>Fairness</h2>
      <p>The same measures for each group, beside the overall AUROC of {p.model.auroc.value.toFixed(3)}. PPV and sensitivity are for the group's members inside the overall top 5%. Groups with fewer than 5 people or events are suppressed.</p>
      <Table caption="Performance by sex, age band and deprivation quintile" responsive
        head={[{ text: 'Group' }, { text: 'People', format: 'numeric' }, { text: 'Observed', format: 'numeric' }, { text: 'Predicted', format: 'numeric' }, { text: 'AUROC (95% CI)', format: 'numeric' }, { text: 'In top 5%', format: 'numeric' }, { text: 'PPV top 5%', format: 'numeric' }, { text: 'Sensitivity top 5%', format: 'numeric' }]}
        rows={[{ key: 'all', cells: [{ text: 'Everyone' }, { text: whole(p.people), format: 'numeric' as const }, { text: percent(p.prevalence), format: 'numeric' as const }, { text: percent((p.model.expected ?? 0) / p.people), format: 'numeric' as const }, { text: auc(p.model.auroc), format: 'numeric' as const }, { text: '5.0%', format: 'numeric' as const }, { text: percent(p.model.top[2]?.ppv), format: 'numeric' as const }, { text: percent(p.model.top[2]?.sensitivity), format: 'numeric' as const }] },
          ...p.fairness.map((g) => ({ key: `${g.dimension}-${g.group}`, cells: [{ text: `${DIMENSIONS[g.dimension] ?? g.dimension}: ${g.group}` }, { text: g.suppressed ? 'suppressed' : whole(g.people), format: 'numeric' as const }, { text: percent(g.observedRate), format: 'numeric' as const }, { text: percent(g.meanPredicted), format: 'numeric' as const },
            { text: auc(g.auroc), format: 'numeric' as const }, { text: percent(g.shareInTop5), format: 'numeric' as const }, { text: percent(g.ppvTop5), format: 'numeric' as const }, { text: percent(g.sensitivityTop5), format: 'numeric' as const }] }))]} />
      <Details summaryText="Model coefficients">
        <Table caption={`Coefficients (log-odds per unit), intercept ${res.data.intercept.toFixed(3)}`} captionSize="s" head={[{ text: 'Feature' }, { text: 'Coefficient', format: 'numeric' }]}
          rows={coefficients.map((c) => ({ key: c.name, cells: [{ text: c.label }, { text: c.coefficient.toFixed(3), format: 'numeric' }] }))} />
      </Details>
      <InsetText><p>Trained {new Date(m.createdAt).toLocaleString('en-GB')} by {m.createdBy ?? 'unknown'} on {whole(m.trainPeople)} people.</p></InsetText>
    </Page>
  );
}
