// Step 1 of a mini-competition: the business case (need, competencies to strengthen, budget, and the
// framework lot to call off from: every lot of every framework the national team has added).
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
import { useApi } from '../../app/use-api.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import type { Frameworks } from './types.ts';

export function NewCompetitionPage() {
  const { api, actingFor } = useSession();
  const navigate = useNavigate();
  const [f, setF] = useState({ title: '', need: '', competencies: '', budget: '', lot: 'FESC|AP' });
  const frameworks = useApi((a) => a.request<Frameworks>('GET', '/procurement/frameworks'), []);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  let created = '';
  const action = useAction(() => navigate(`/procurement/competitions/${created}`));
  function submit(e: FormEvent) {
    e.preventDefault();
    void action.run(async () => {
      const [frameworkId, lotCode] = f.lot.split('|');
      const r = await api.request<{ id: string }>('POST', '/procurement/competitions', {
        pctCode: actingFor?.orgCode ?? '', frameworkId, lotCode, title: f.title, need: f.need,
        competencies: f.competencies.split(/[\s,]+/).filter(Boolean).map(Number), budgetPounds: Number(f.budget),
      });
      created = r.id;
    });
  }
  if (frameworks.state === 'loading') return <LoadingPage />;
  if (frameworks.state === 'error') return <ProblemPage error={frameworks.error} />;
  const lots = frameworks.data.frameworks.flatMap((fw) => fw.lots.map((l) => ({ value: `${fw.id}|${l.code}`, text: `${fw.id}, lot ${l.code}: ${l.title}` })));
  return (
    <Page title="Write a business case">
      <ActionError error={action.error} />
      <h1>Write a business case</h1>
      <p>For {actingFor?.orgName ?? 'your PCT'}.</p>
      <form noValidate onSubmit={submit}>
        <Input id="title" name="title" label={{ text: 'Title', classes: 'nhsuk-label--s' }} value={f.title} onChange={set('title')} />
        <TextArea id="need" label="The need" value={f.need} onChange={set('need')} />
        <Input id="competencies" name="competencies" label={{ text: 'Competencies to strengthen', classes: 'nhsuk-label--s' }} hint={{ text: 'Numbers from 1 to 11, separated by commas' }} value={f.competencies} onChange={set('competencies')} classes="nhsuk-input--width-10" />
        <Input id="budget" name="budget" label={{ text: 'Budget (£)', classes: 'nhsuk-label--s' }} value={f.budget} onChange={set('budget')} inputmode="numeric" classes="nhsuk-input--width-10" />
        <Select id="lot" name="lot" label={{ text: 'Framework and lot', classes: 'nhsuk-label--s' }} items={lots} value={f.lot} onChange={set('lot')} />
        <Button text="Save business case" disabled={action.busy} />
      </form>
    </Page>
  );
}
