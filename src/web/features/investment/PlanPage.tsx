// The five-year financial plan of the round's PCT: allocation, baseline, growth scenarios, efficiency
// and contingency in; surplus or deficit per year and scenario, affordability and risk rating out
// (all computed by the server, with the investments the round's latest optimisation chose).
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { ApiError } from '../../api/client.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { gbpM, investmentApi, type PlanView } from './api.ts';
import { useAction } from './use-action.ts';

const pct = (xs: number[]) => xs.slice(1).map((x) => (x * 100).toFixed(1)).join(', ');
const parsePct = (s: string) => [0, ...s.split(',').map((x) => Number(x.trim()) / 100)].slice(0, 5);
const prevYear = (y: string) => { const s = Number(y.slice(0, 4)) - 1; return `${s}-${String((s + 1) % 100).padStart(2, '0')}`; };

export function PlanPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const loaded = useApi(async (a) => {
    const detail = await investmentApi.round(a, id);
    const plan = await investmentApi.plan(a, detail.round.orgCode, detail.round.firstYear).catch((e: unknown) => { if (e instanceof ApiError && e.status === 404) return null; throw e; });
    const pb = plan ? null : await investmentApi.programmeBudget(a, detail.round.orgCode, prevYear(detail.round.firstYear)).catch(() => null);
    return { detail, plan, pb };
  }, [id]);
  const [view, setView] = useState<PlanView | null>(null);
  const [f, setF] = useState({ allocation: '', baseline: '', contingency: '0.5', efficiency: '0, 0, 0, 0, 0', low: '2, 2, 1, 1', central: '4, 3, 3, 3', high: '6, 5, 4, 4', cost: '4, 3.5, 3, 3' });
  const action = useAction();
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    const p = loaded.data.plan;
    if (p) {
      setView(p);
      const s = (n: string) => p.plan.inputs.scenarios.find((x) => x.name === n);
      setF({ allocation: String(p.plan.inputs.allocation), baseline: String(Object.values(p.plan.inputs.baselineByProgramme).reduce((a, b) => a + b, 0)), contingency: String(p.plan.inputs.contingencyPct),
        efficiency: p.plan.inputs.efficiency.join(', '), low: pct(s('low')?.allocationGrowth ?? [0, 0, 0, 0, 0]), central: pct(s('central')?.allocationGrowth ?? [0, 0, 0, 0, 0]),
        high: pct(s('high')?.allocationGrowth ?? [0, 0, 0, 0, 0]), cost: pct(s('central')?.costGrowth ?? [0, 0, 0, 0, 0]) });
    } else if (loaded.data.pb) setF((x) => ({ ...x, baseline: String(Math.round(loaded.data.pb!.total)) }));
  }, [loaded.state]);

  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Five-year plan" loading><LoadingPage /></Page>;
  const { round } = loaded.data.detail;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const existing = view?.plan.inputs.baselineByProgramme;
    const baselineTotal = Number(f.baseline.replace(/[£,]/g, ''));
    const existingTotal = existing ? Object.values(existing).reduce((a, b) => a + b, 0) : 0;
    const baselineByProgramme = existing && Math.abs(existingTotal - baselineTotal) < 1 ? existing
      : loaded.state === 'ready' && loaded.data.pb ? Object.fromEntries(loaded.data.pb.lines.map((l) => [l.programme, (l.spend * baselineTotal) / loaded.data.pb!.total]))
        : { '23': baselineTotal };
    const cost = parsePct(f.cost);
    const body = { orgCode: round.orgCode, firstYear: round.firstYear, roundId: round.id, inputs: {
      allocation: Number(f.allocation.replace(/[£,]/g, '')), baselineByProgramme, contingencyPct: Number(f.contingency),
      efficiency: f.efficiency.split(',').map((x) => Number(x.replace(/[£\s]/g, ''))), nonRecurringIncome: [0, 0, 0, 0, 0],
      scenarios: (['low', 'central', 'high'] as const).map((name) => ({ name, allocationGrowth: parsePct(f[name]), costGrowth: cost })),
    } };
    const saved = await action.run(() => investmentApi.savePlan(api, body));
    if (saved) setView(saved);
  }

  return (
    <Page title="Five-year financial plan">
      <BackLink href={`/investment/rounds/${id}`} text="Back to the round" />
      <span className="nhsuk-caption-l">{round.orgCode} · {round.firstYear} onwards</span>
      <h1>Five-year financial plan</h1>
      <form onSubmit={submit} noValidate>
        {action.problem && <ErrorSummary errorList={[{ text: action.problem }, ...Object.entries(action.errors).map(([k, v]) => ({ text: `${k}: ${v}` }))]} />}
        <Input id="allocation" name="allocation" label={{ text: `Recurring allocation in ${round.firstYear} (£)` }} value={f.allocation} onChange={set('allocation')} inputmode="numeric" classes="nhsuk-input--width-20" />
        <Input id="baseline" name="baseline" label={{ text: `Baseline spend in ${round.firstYear} before new investment (£)` }} hint={{ text: 'Spread across programmes in proportion to the latest programme budget' }} value={f.baseline} onChange={set('baseline')} inputmode="numeric" classes="nhsuk-input--width-20" />
        <Input id="allocation-low" name="low" label={{ text: 'Allocation growth, low scenario (% for years 2 to 5)' }} value={f.low} onChange={set('low')} />
        <Input id="allocation-central" name="central" label={{ text: 'Allocation growth, central scenario (%)' }} value={f.central} onChange={set('central')} />
        <Input id="allocation-high" name="high" label={{ text: 'Allocation growth, high scenario (%)' }} value={f.high} onChange={set('high')} />
        <Input id="cost-growth" name="cost" label={{ text: 'Growth of baseline spend (%, years 2 to 5)' }} value={f.cost} onChange={set('cost')} />
        <Input id="efficiency" name="efficiency" label={{ text: 'Efficiency savings by year (£, five values)' }} value={f.efficiency} onChange={set('efficiency')} />
        <Input id="contingency" name="contingency" label={{ text: 'Contingency (% of allocation)' }} value={f.contingency} onChange={set('contingency')} classes="nhsuk-input--width-3" />
        <Button text="Save and calculate" disabled={action.busy} />
      </form>
      {view && (
        <>
          <h2 className="nhsuk-heading-m">Result</h2>
          <p>Financial risk rating: <Tag text={`${view.risk.rating} – ${view.risk.label}`} colour={view.risk.rag === 'green' ? 'green' : view.risk.rag === 'amber' ? 'yellow' : 'red'} /> {view.affordability.affordable ? 'Affordable on the central scenario.' : `Not affordable: ${view.affordability.reasons.join('; ')}.`}</p>
          <p>Why: {view.risk.reasons.join('; ')}.</p>
          <p>Investments chosen by the latest optimisation: {view.investments.chosen.join(', ') || 'none yet'}.</p>
          {view.scenarios.map((s) => (
            <Table key={s.name} caption={`${s.name[0]!.toUpperCase()}${s.name.slice(1)} scenario`} captionSize="s" responsive head={[{ text: '' }, ...view.years.map((y) => ({ text: y, format: 'numeric' as const }))]}
              rows={([['Allocation', (y) => y.allocation], ['Baseline spend', (y) => y.baseline], ['Investments (recurring)', (y) => y.investmentRecurring], ['Investments (non-recurring)', (y) => y.investmentNonRecurring],
                ['Efficiency savings', (y) => -y.efficiency], ['Contingency', (y) => y.contingency], ['Surplus or deficit', (y) => y.surplus], ['Recurring balance', (y) => y.recurringBalance]] as [string, (y: PlanView['scenarios'][number]['years'][number]) => number][])
                .map(([label, pick]) => ({ key: label, cells: [{ text: label }, ...s.years.map((y) => ({ text: gbpM(pick(y)), format: 'numeric' as const }))] }))} />
          ))}
        </>
      )}
    </Page>
  );
}
