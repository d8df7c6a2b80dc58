// Enter an investment or disinvestment option: costs by year, QALYs low/likely/high, the outcome it
// should move, inequalities, risk, strategic fit, dependencies and evidence. Same code = update.
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Page } from '../../app/page.tsx';
import { useSession } from '../../app/session.tsx';
import { investmentApi } from './api.ts';
import { useAction } from './use-action.ts';

const years = [0, 1, 2, 3, 4];
const money = (s: string) => Number(s.replace(/[£,\s]/g, '') || '0');
const list = (s: string) => s.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);

export function OptionFormPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const navigate = useNavigate();
  const action = useAction();
  const [f, setF] = useState({ code: '', title: '', programme: '10', kind: 'investment', qalyLow: '', qalyLikely: '', qalyHigh: '', inequalities: 'neutral', risk: 'medium', strategicFit: '3',
    requires: '', excludes: '', evidenceTitle: '', evidenceUrl: '', indicatorId: '', activityChange: '' });
  const [rec, setRec] = useState(['', '', '', '', '']);
  const [non, setNon] = useState(['', '', '', '', '']);
  const [traj, setTraj] = useState(['', '', '', '', '']);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const err = (k: string) => (action.errors[k] ? { text: action.errors[k]! } : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      code: f.code.toUpperCase(), title: f.title, programme: f.programme, kind: f.kind, activityChange: f.activityChange,
      recurringCosts: rec.map(money), nonRecurringCosts: non.map(money),
      qalyLow: Number(f.qalyLow), qalyLikely: Number(f.qalyLikely), qalyHigh: Number(f.qalyHigh),
      inequalities: f.inequalities, risk: f.risk, strategicFit: Number(f.strategicFit), requires: list(f.requires), excludes: list(f.excludes),
      evidence: f.evidenceUrl ? [{ title: f.evidenceTitle || f.evidenceUrl, url: f.evidenceUrl }] : [],
      outcomes: f.indicatorId ? [{ indicatorId: f.indicatorId, trajectory: traj.map((t) => Number(t || '0')) }] : [],
    };
    if (await action.run(() => investmentApi.saveOption(api, id, body))) navigate(`/investment/rounds/${id}`);
  }

  const row = (label: string, values: string[], setter: (v: string[]) => void, key: string) => years.map((y) => (
    <Input key={`${key}-${y}`} id={`${key}-${y}`} name={`${key}${y}`} label={{ text: `${label}, year ${y + 1}` }} value={values[y]!} inputmode="numeric" classes="nhsuk-input--width-10"
      onChange={(v) => setter(values.map((x, j) => (j === y ? v : x)))} />
  ));
  return (
    <Page title="Add an option">
      <BackLink href={`/investment/rounds/${id}`} text="Back to the round" />
      <h1>Add or change an option</h1>
      <form onSubmit={submit} noValidate>
        {action.problem && <ErrorSummary errorList={[{ text: action.problem }, ...Object.entries(action.errors).map(([k, v]) => ({ text: `${k}: ${v}` }))]} />}
        <Input id="code" name="code" label={{ text: 'Code' }} hint={{ text: 'Capital letters and digits, e.g. CARDREHAB; an existing code updates that option' }} value={f.code} onChange={set('code')} errorMessage={err('code')} classes="nhsuk-input--width-10" />
        <Input id="title" name="title" label={{ text: 'Title' }} value={f.title} onChange={set('title')} errorMessage={err('title')} />
        <Input id="programme" name="programme" label={{ text: 'Programme budgeting category (1–23)' }} value={f.programme} onChange={set('programme')} errorMessage={err('programme')} classes="nhsuk-input--width-2" />
        <Select id="kind" name="kind" label={{ text: 'Kind' }} value={f.kind} onChange={set('kind')} items={[{ value: 'investment', text: 'Investment' }, { value: 'disinvestment', text: 'Disinvestment' }]} />
        <Input id="activity" name="activityChange" label={{ text: 'Expected activity change' }} value={f.activityChange} onChange={set('activityChange')} />
        <fieldset className="nhsuk-fieldset"><legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Recurring net cost by year (£; savings negative)</legend>{row('Recurring cost', rec, setRec, 'rec')}</fieldset>
        <fieldset className="nhsuk-fieldset"><legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Non-recurring cost by year (£)</legend>{row('Non-recurring cost', non, setNon, 'non')}</fieldset>
        <Input id="qaly-low" name="qalyLow" label={{ text: 'QALYs gained: low' }} value={f.qalyLow} onChange={set('qalyLow')} errorMessage={err('qalyLow')} classes="nhsuk-input--width-5" />
        <Input id="qaly-likely" name="qalyLikely" label={{ text: 'QALYs gained: likely' }} value={f.qalyLikely} onChange={set('qalyLikely')} errorMessage={err('qalyLikely')} classes="nhsuk-input--width-5" />
        <Input id="qaly-high" name="qalyHigh" label={{ text: 'QALYs gained: high' }} value={f.qalyHigh} onChange={set('qalyHigh')} errorMessage={err('qalyHigh')} classes="nhsuk-input--width-5" />
        <Select id="inequalities" name="inequalities" label={{ text: 'Effect on inequalities' }} value={f.inequalities} onChange={set('inequalities')} items={[{ value: 'narrows', text: 'Narrows' }, { value: 'neutral', text: 'Neutral' }, { value: 'widens', text: 'Widens' }]} />
        <Select id="risk" name="risk" label={{ text: 'Delivery risk' }} value={f.risk} onChange={set('risk')} items={[{ value: 'low', text: 'Low' }, { value: 'medium', text: 'Medium' }, { value: 'high', text: 'High' }]} />
        <Input id="fit" name="strategicFit" label={{ text: 'Strategic fit (1–5)' }} value={f.strategicFit} onChange={set('strategicFit')} classes="nhsuk-input--width-2" />
        <Input id="requires" name="requires" label={{ text: 'Requires (option codes, comma separated)' }} value={f.requires} onChange={set('requires')} />
        <Input id="excludes" name="excludes" label={{ text: 'Cannot go with (option codes)' }} value={f.excludes} onChange={set('excludes')} />
        <Input id="indicator" name="indicatorId" label={{ text: 'Outcome indicator it should move' }} hint={{ text: 'e.g. mortality-cvd-under-75' }} value={f.indicatorId} onChange={set('indicatorId')} />
        {f.indicatorId && <fieldset className="nhsuk-fieldset"><legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Expected change in the indicator by year</legend>{row('Change', traj, setTraj, 'traj')}</fieldset>}
        <Input id="evidence-title" name="evidenceTitle" label={{ text: 'Evidence: title' }} value={f.evidenceTitle} onChange={set('evidenceTitle')} />
        <Input id="evidence-url" name="evidenceUrl" label={{ text: 'Evidence: link' }} value={f.evidenceUrl} onChange={set('evidenceUrl')} />
        <Button text="Save option" disabled={action.busy} />
      </form>
    </Page>
  );
}
