// After moderation: name the preferred bidder (standstill starts), then award and sign the call-off.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { ActionError } from './ActionError.tsx';
import { TextArea } from './TextArea.tsx';
import { useAction } from './use-action.ts';
import type { Competition } from './types.ts';

export function AwardSteps({ c, onDone }: { c: Competition; onDone(): void }) {
  const { api } = useSession();
  const a = useAction(onDone);
  const [f, setF] = useState({ startsOn: '', deliverables: '', kpi: 'Milestones delivered on time (%)', target: '90', tolerance: '10' });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const award = (e: FormEvent) => {
    e.preventDefault();
    void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/award`, {
      startsOn: f.startsOn, deliverables: f.deliverables.split('\n').map((s) => s.trim()).filter(Boolean),
      kpis: [{ code: 'K1', title: f.kpi, direction: 'higher', target: Number(f.target), tolerance: Number(f.tolerance) }],
    }));
  };
  return (
    <section>
      <h2>Award</h2>
      <ActionError error={a.error} />
      {c.status === 'moderated' && (
        <Button text="Name the preferred bidder and start the standstill" type="button" disabled={a.busy}
          onClick={() => void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/preferred-bidder`))} />
      )}
      {c.status === 'standstill' && (
        <form noValidate onSubmit={award}>
          <p>The contract can be awarded when the 10-day standstill period has ended.</p>
          <Input id="starts-on" name="startsOn" label={{ text: 'Contract start date (YYYY-MM-DD)', classes: 'nhsuk-label--s' }} value={f.startsOn} onChange={set('startsOn')} classes="nhsuk-input--width-10" />
          <TextArea id="deliverables" label="Deliverables" hint="One a line" value={f.deliverables} onChange={set('deliverables')} rows={3} />
          <Input id="kpi" name="kpi" label={{ text: 'Key performance indicator', classes: 'nhsuk-label--s' }} value={f.kpi} onChange={set('kpi')} />
          <Input id="kpi-target" name="target" label={{ text: 'KPI target', classes: 'nhsuk-label--s' }} value={f.target} onChange={set('target')} classes="nhsuk-input--width-4" />
          <Input id="kpi-tolerance" name="tolerance" label={{ text: 'KPI tolerance (amber within)', classes: 'nhsuk-label--s' }} value={f.tolerance} onChange={set('tolerance')} classes="nhsuk-input--width-4" />
          <Button text="Award and sign the call-off contract" disabled={a.busy} />
        </form>
      )}
    </section>
  );
}
