// An action learning set with its meetings and notes: members only (the server answers 404 to others).
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { formatDate } from '../../app/format.ts';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { ActionError } from '../procurement/ActionError.tsx';
import { TextArea } from '../procurement/TextArea.tsx';
import { useAction } from '../procurement/use-action.ts';

interface LearningSet { title: string; focus: string; facilitator: string; pctCodes: string[]; meetings: { id: string; meetsOn: string; topic: string; notes: string }[] }

export function LearningSetPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const [v, setV] = useState(0);
  const [m, setM] = useState({ meetsOn: '', topic: '', notes: '' });
  const a = useAction(() => { setM({ meetsOn: '', topic: '', notes: '' }); setV(v + 1); });
  const data = useApi((x) => x.request<LearningSet>('GET', `/support/learning-sets/${id}`), [id, v]);
  if (data.state === 'loading') return <LoadingPage />;
  if (data.state === 'error') return <ProblemPage error={data.error} />;
  const s = data.data;
  const add = (e: FormEvent) => { e.preventDefault(); void a.run(() => api.request('POST', `/support/learning-sets/${id}/meetings`, m)); };
  return (
    <Page title={s.title}>
      <h1>{s.title}</h1>
      <p>{s.focus}. PCTs {s.pctCodes.join(', ')}; facilitated by {s.facilitator}.</p>
      {s.meetings.map((x) => (<section key={x.id}><h2>{formatDate(x.meetsOn)}: {x.topic}</h2><p>{x.notes}</p></section>))}
      <form noValidate onSubmit={add}>
        <h2>Record a meeting</h2>
        <ActionError error={a.error} />
        <Input id="meets-on" name="meetsOn" label={{ text: 'Date (YYYY-MM-DD)', classes: 'nhsuk-label--s' }} value={m.meetsOn} onChange={(x) => setM({ ...m, meetsOn: x })} classes="nhsuk-input--width-10" />
        <Input id="topic" name="topic" label={{ text: 'Topic', classes: 'nhsuk-label--s' }} value={m.topic} onChange={(x) => setM({ ...m, topic: x })} />
        <TextArea id="notes" label="Notes" value={m.notes} onChange={(x) => setM({ ...m, notes: x })} />
        <Button text="Save meeting" variant="secondary" disabled={a.busy} />
      </form>
    </Page>
  );
}
