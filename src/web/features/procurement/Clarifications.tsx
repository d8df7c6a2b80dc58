// Clarification questions: suppliers ask, the PCT answers, everyone invited reads them without the asker.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { ActionError } from './ActionError.tsx';
import { TextArea } from './TextArea.tsx';
import { useAction } from './use-action.ts';
import type { Clarification, Competition } from './types.ts';

export function Clarifications({ c, items, onDone }: { c: Competition; items: Clarification[]; onDone(): void }) {
  const { api } = useSession();
  const [question, setQuestion] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const a = useAction(() => { setQuestion(''); onDone(); });
  const supplierId = c.you.supplierIds[0];
  const ask = (e: FormEvent) => { e.preventDefault(); void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/clarifications`, { supplierId, question })); };
  return (
    <section>
      <h2>Clarification questions</h2>
      <ActionError error={a.error} />
      {items.length === 0 && <p>No questions answered yet.</p>}
      {items.map((q, i) => (
        <div key={q.id} className="nhsuk-inset-text">
          <p><strong>Question {i + 1}:</strong> {q.question}</p>
          {q.answer ? <p><strong>Answer:</strong> {q.answer}</p> : c.you.pctWriter && (
            <form noValidate onSubmit={(e) => { e.preventDefault(); void a.run(() => api.request('POST', `/procurement/competitions/${c.id}/clarifications/${q.id}/answer`, { answer: answers[q.id] ?? '' })); }}>
              <TextArea id={`answer-${i + 1}`} label={`Answer to question ${i + 1}`} value={answers[q.id] ?? ''} onChange={(v) => setAnswers({ ...answers, [q.id]: v })} rows={2} />
              <Button text={`Publish answer ${i + 1}`} variant="secondary" small disabled={a.busy} />
            </form>
          )}
        </div>
      ))}
      {supplierId && c.status === 'tendering' && (
        <form noValidate onSubmit={ask}>
          <TextArea id="question" label="Your question" hint="The question and its answer are shared with every supplier, without your name." value={question} onChange={setQuestion} rows={2} />
          <Button text="Ask the question" variant="secondary" disabled={a.busy} />
        </form>
      )}
    </section>
  );
}
