// Step 1 of a mini-competition: the business case (need, competencies to strengthen, budget, lot).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { Page } from '../../app/page.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { ActionError } from './ActionError.tsx';
import { TextArea } from './TextArea.tsx';
import { useAction } from './use-action.ts';

const lots = [['AP', 'Assessment and planning'], ['CPS', 'Contracting, procurement and settlement'], ['PM', 'Performance management'], ['PPE', 'Patient and public engagement'], ['E2E', 'End-to-end commissioning']];

export function NewCompetitionPage() {
  const { api, actingFor } = useSession();
  const navigate = useNavigate();
  const [f, setF] = useState({ title: '', need: '', competencies: '', budget: '', lot: 'AP' });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  let created = '';
  const action = useAction(() => navigate(`/procurement/competitions/${created}`));
  function submit(e: FormEvent) {
    e.preventDefault();
    void action.run(async () => {
      const r = await api.request<{ id: string }>('POST', '/procurement/competitions', {
        pctCode: actingFor?.orgCode ?? '', frameworkId: 'FESC', lotCode: f.lot, title: f.title, need: f.need,
        competencies: f.competencies.split(/[\s,]+/).filter(Boolean).map(Number), budgetPounds: Number(f.budget),
      });
      created = r.id;
    });
  }
  return (
    <Page title="Write a business case">
      <ActionError error={action.error} />
      <h1>Write a business case</h1>
      <p>For {actingFor?.orgName ?? 'your PCT'}, under FESC.</p>
      <form noValidate onSubmit={submit}>
        <Input id="title" name="title" label={{ text: 'Title', classes: 'nhsuk-label--s' }} value={f.title} onChange={set('title')} />
        <TextArea id="need" label="The need" value={f.need} onChange={set('need')} />
        <Input id="competencies" name="competencies" label={{ text: 'Competencies to strengthen', classes: 'nhsuk-label--s' }} hint={{ text: 'Numbers from 1 to 11, separated by commas' }} value={f.competencies} onChange={set('competencies')} classes="nhsuk-input--width-10" />
        <Input id="budget" name="budget" label={{ text: 'Budget (£)', classes: 'nhsuk-label--s' }} value={f.budget} onChange={set('budget')} inputmode="numeric" classes="nhsuk-input--width-10" />
        <Select id="lot" name="lot" label={{ text: 'Lot', classes: 'nhsuk-label--s' }} items={lots.map(([v, t]) => ({ value: v!, text: t! }))} value={f.lot} onChange={set('lot')} />
        <Button text="Save business case" disabled={action.busy} />
      </form>
    </Page>
  );
}
