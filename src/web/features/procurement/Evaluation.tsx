// Evaluation: declaration of interests, independent scores, the panel's scores once visible, moderation.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { ActionError } from './ActionError.tsx';
import { useAction } from './use-action.ts';
import { money, type Competition, type PanelView } from './types.ts';

const scoreItems = ['0', '1', '2', '3', '4', '5'].map((v) => ({ value: v, text: v }));

export function Evaluation({ c, panel, onDone }: { c: Competition; panel: PanelView; onDone(): void }) {
  const { api } = useSession();
  const a = useAction(onDone);
  const [conflicts, setConflicts] = useState('');
  const [scores, setScores] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState<Record<string, string>>({});
  const ev = c.you.evaluator;
  const bidders = [...new Set((panel.scores ?? []).map((s) => s.supplierId))];
  const criteria = c.criteria ?? [];
  const cellKey = (s: string, k: string) => `${s}|${k}`;

  const declare = (e: FormEvent) => { e.preventDefault(); void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/declaration`, { conflicts: conflicts.split(/[\s,]+/).filter(Boolean), note: conflicts ? 'Declared' : 'No conflicts' })); };
  return (
    <section>
      <h2>Evaluation</h2>
      <ActionError error={a.error} />
      <Table caption="Panel" head={[{ text: 'Evaluator' }, { text: 'Interests declared' }, { text: 'Scores submitted' }]}
        rows={panel.evaluators.map((e) => ({ key: e.name, cells: [{ text: e.name }, { text: e.declared ? `Yes${e.conflicts?.length ? ` (conflict: ${e.conflicts.join(', ')})` : ''}` : 'No' }, { text: e.submitted ? 'Yes' : 'No' }] }))} />
      {ev && !ev.declared && c.status === 'bids_opened' && (
        <form noValidate onSubmit={declare}>
          <h3>Declare your interests</h3>
          <Input id="conflicts" name="conflicts" label={{ text: 'Suppliers you have a conflict of interest with', classes: 'nhsuk-label--s' }} hint={{ text: 'Supplier IDs separated by commas; leave empty for none' }} value={conflicts} onChange={setConflicts} />
          <Button text="Declare interests" disabled={a.busy} />
        </form>
      )}
      {ev && ev.declared && !ev.submitted && c.status === 'bids_opened' && <ScoreForm c={c} conflicts={ev.conflicts} onDone={onDone} />}
      {panel.scores === null ? <p>Individual scores are hidden until {ev ? 'you submit yours' : 'every evaluator has submitted'}.</p> : (
        <Table caption="Evaluators’ scores (0 to 5)" head={[{ text: 'Supplier' }, { text: 'Criterion' }, { text: 'Evaluator' }, { text: 'Score', format: 'numeric' }]}
          rows={panel.scores.map((s) => ({ key: `${s.supplierId}${s.criterion}${s.evaluator}`, cells: [{ text: s.supplierId }, { text: s.criterion }, { text: s.evaluator }, { text: String(s.score), format: 'numeric' }] }))} />
      )}
      {c.you.pctWriter && c.status === 'bids_opened' && panel.scores && panel.evaluators.every((e) => e.submitted) && (
        <form noValidate onSubmit={(e) => {
          e.preventDefault();
          void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/moderation`, { agreed: bidders.flatMap((s) => criteria.map((k) => ({
            supplierId: s, criterion: k.key, score: Number(scores[cellKey(s, k.key)] ?? '0'), rationale: rationale[cellKey(s, k.key)] ?? '' }))) }));
        }}>
          <h3>Moderation: agreed scores</h3>
          {bidders.flatMap((s) => criteria.map((k) => (
            <fieldset key={cellKey(s, k.key)} className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{s}: {k.title}</legend>
              <Select id={`agreed-${s}-${k.key}`} name="score" label={{ text: `Agreed score for ${s}, ${k.title}` }} items={scoreItems} value={scores[cellKey(s, k.key)] ?? '0'} onChange={(v) => setScores({ ...scores, [cellKey(s, k.key)]: v })} />
              <Input id={`rationale-${s}-${k.key}`} name="rationale" label={{ text: `Rationale for ${s}, ${k.title}` }} value={rationale[cellKey(s, k.key)] ?? ''} onChange={(v) => setRationale({ ...rationale, [cellKey(s, k.key)]: v })} />
            </fieldset>
          )))}
          <Button text="Record moderated scores" disabled={a.busy} />
        </form>
      )}
      {panel.ranking && (
        <Table caption="Ranking: moderated quality plus price by formula" head={[{ text: 'Rank', format: 'numeric' }, { text: 'Supplier' }, { text: 'Price', format: 'numeric' }, { text: 'Quality', format: 'numeric' }, { text: 'Price score', format: 'numeric' }, { text: 'Total', format: 'numeric' }]}
          rows={panel.ranking.map((r) => ({ key: r.supplierId, cells: [{ text: String(r.rank), format: 'numeric' }, { text: r.supplierId }, { text: money(r.price), format: 'numeric' }, { text: String(r.quality), format: 'numeric' }, { text: String(r.priceScore), format: 'numeric' }, { text: String(r.total), format: 'numeric' }] }))} />
      )}
    </section>
  );
}

function ScoreForm({ c, conflicts, onDone }: { c: Competition; conflicts: string[]; onDone(): void }) {
  const { api } = useSession();
  const a = useAction(onDone);
  const [bidders, setBidders] = useState<string[] | null>(null);
  const [scores, setScores] = useState<Record<string, string>>({});
  if (bidders === null) {
    void api.request<{ receipts: { supplierId: string }[] }>('GET', `/procurement/competitions/${c.id}/bids`).then((r) => setBidders(r.receipts.map((x) => x.supplierId).filter((s) => !conflicts.includes(s))));
    return null;
  }
  const criteria = c.criteria ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/scores`, { scores: bidders.flatMap((s) => criteria.map((k) => ({ supplierId: s, criterion: k.key, score: Number(scores[`${s}|${k.key}`] ?? '0'), comment: '' }))) }));
  };
  return (
    <form noValidate onSubmit={submit}>
      <h3>Your scores</h3>
      <ActionError error={a.error} />
      <p>Score each bid on each criterion from 0 to 5, on your own. You see the other evaluators’ scores after you submit.</p>
      {bidders.flatMap((s) => criteria.map((k) => (
        <Select key={`${s}|${k.key}`} id={`score-${s}-${k.key}`} name="score" label={{ text: `Score for ${s}, ${k.title}` }} items={scoreItems} value={scores[`${s}|${k.key}`] ?? '0'} onChange={(v) => setScores({ ...scores, [`${s}|${k.key}`]: v })} />
      )))}
      <Button text="Submit my scores" disabled={a.busy} />
    </form>
  );
}
