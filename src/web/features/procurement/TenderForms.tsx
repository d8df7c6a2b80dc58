// The PCT's steps before bids arrive: the board's approval, the requirement with weights, evaluators.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { ActionError } from './ActionError.tsx';
import { TextArea } from './TextArea.tsx';
import { useAction } from './use-action.ts';

type Props = { id: string; onDone(): void };

export function ApprovalForm({ id, onDone }: Props) {
  const { api } = useSession();
  const [on, setOn] = useState('');
  const [minute, setMinute] = useState('');
  const a = useAction(onDone);
  const submit = (e: FormEvent) => { e.preventDefault(); void a.run(() => api.request('POST', `/procurement/competitions/${id}/approval`, { approvedOn: on, minute })); };
  return (
    <form noValidate onSubmit={submit}>
      <h2>Record the board’s approval</h2>
      <ActionError error={a.error} />
      <Input id="approved-on" name="approvedOn" label={{ text: 'Date the board approved (YYYY-MM-DD)', classes: 'nhsuk-label--s' }} value={on} onChange={setOn} classes="nhsuk-input--width-10" />
      <Input id="minute" name="minute" label={{ text: 'Board minute', classes: 'nhsuk-label--s' }} value={minute} onChange={setMinute} />
      <Button text="Record approval" disabled={a.busy} />
    </form>
  );
}

/** Criteria one per line as "key | title | weight". */
function parseCriteria(text: string) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [key = '', title = '', weight = ''] = l.split('|').map((s) => s.trim());
    return { key, title, weight: Number(weight) };
  });
}

export function RequirementForm({ id, onDone }: Props) {
  const { api } = useSession();
  const [f, setF] = useState({ requirement: '', quality: '70', criteria: 'method | Method | 40\nteam | Team and experience | 30', months: '36', deadline: '' });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const a = useAction(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void a.run(() => api.request('POST', `/procurement/competitions/${id}/tender`, {
      requirement: f.requirement, qualityWeight: Number(f.quality), criteria: parseCriteria(f.criteria), contractMonths: Number(f.months),
      bidDeadline: f.deadline ? new Date(f.deadline).toISOString() : '',
    }));
  };
  return (
    <form noValidate onSubmit={submit}>
      <h2>Publish the requirement and invite the lot’s suppliers</h2>
      <ActionError error={a.error} />
      <TextArea id="requirement" label="Requirement" value={f.requirement} onChange={set('requirement')} />
      <Input id="quality-weight" name="qualityWeight" label={{ text: 'Quality weight (%)', classes: 'nhsuk-label--s' }} hint={{ text: 'Price takes the rest, scored as lowest price / bid price × price weight' }} value={f.quality} onChange={set('quality')} classes="nhsuk-input--width-4" />
      <TextArea id="criteria" label="Quality criteria" hint="One a line: key | title | weight. Weights add up to the quality weight." value={f.criteria} onChange={set('criteria')} />
      <Input id="months" name="contractMonths" label={{ text: 'Contract length (months)', classes: 'nhsuk-label--s' }} value={f.months} onChange={set('months')} classes="nhsuk-input--width-4" />
      <Input id="deadline" name="bidDeadline" type="datetime-local" label={{ text: 'Bid deadline', classes: 'nhsuk-label--s' }} value={f.deadline} onChange={set('deadline')} classes="nhsuk-input--width-20" />
      <Button text="Publish and invite suppliers" disabled={a.busy} />
    </form>
  );
}

export function EvaluatorsForm({ id, onDone }: Props) {
  const { api } = useSession();
  const [emails, setEmails] = useState('');
  const a = useAction(onDone);
  const submit = (e: FormEvent) => { e.preventDefault(); void a.run(() => api.request('POST', `/procurement/competitions/${id}/evaluators`, { emails: emails.split(/[\s,]+/).filter(Boolean) })); };
  return (
    <form noValidate onSubmit={submit}>
      <h2>Appoint evaluators</h2>
      <ActionError error={a.error} />
      <Input id="evaluator-emails" name="emails" label={{ text: 'Evaluators’ email addresses', classes: 'nhsuk-label--s' }} hint={{ text: 'Separated by commas' }} value={emails} onChange={setEmails} />
      <Button text="Appoint evaluators" variant="secondary" disabled={a.busy} />
    </form>
  );
}
