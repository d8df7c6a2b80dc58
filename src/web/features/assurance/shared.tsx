// Small pieces the assurance pages share: running an action with its problem shown, and tags for levels,
// RAG ratings and statuses (labels only: the server decides every level and rating).
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { Tag, type TagColour } from '../../components/Tag.tsx';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ detail: string; errors: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run<T>(fn: () => Promise<T>, success?: string): Promise<T | null> {
    setBusy(true); setProblem(null); setDone(null);
    try {
      const r = await fn();
      if (success) setDone(success);
      return r;
    } catch (err) {
      if (err instanceof ApiError) setProblem({ detail: err.problem.detail || err.problem.title, errors: (err.problem.errors ?? []).map((e) => `${e.path}: ${e.message}`) });
      else setProblem({ detail: String(err), errors: [] });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, done, run };
}

export function ActionOutcome({ action }: { action: ReturnType<typeof useAction> }): ReactNode {
  if (action.problem) {
    return (
      <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
        <h2 className="nhsuk-error-summary__title">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <p>{action.problem.detail}</p>
          {action.problem.errors.length > 0 && <ul className="nhsuk-list nhsuk-error-summary__list">{action.problem.errors.slice(0, 10).map((e) => <li key={e}>{e}</li>)}</ul>}
        </div>
      </div>
    );
  }
  if (action.done) return <div className="nhsuk-inset-text" role="status"><p>{action.done}</p></div>;
  return null;
}

const ragColour: Record<string, TagColour> = { red: 'red', amber: 'orange', green: 'green' };
export const RagTag = ({ rag }: { rag: string | null }) => (rag ? <Tag text={rag[0].toUpperCase() + rag.slice(1)} colour={ragColour[rag]} /> : <Tag text="Not rated" colour="grey" />);
const levelLabel: Record<number, string> = { 1: '1 Below baseline', 2: '2 Developing', 3: '3 Established', 4: '4 World class' };
export const LevelTag = ({ level }: { level: number | null }) => (level ? <Tag text={levelLabel[level]} colour={level >= 3 ? 'green' : level === 2 ? 'yellow' : 'red'} /> : <Tag text="Not scored" colour="grey" />);
export const levelItems = [{ value: '', text: 'Choose a level' }, ...[1, 2, 3, 4].map((l) => ({ value: String(l), text: levelLabel[l] }))];
export const ragItems = [{ value: '', text: 'Choose a rating' }, { value: 'red', text: 'Red' }, { value: 'amber', text: 'Amber' }, { value: 'green', text: 'Green' }];
export const formatWhen = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
export const phaseLabel: Record<string, string> = { self_assessment: 'Self-assessment', panels: 'Panels', calibration: 'Calibration', awaiting_publication: 'Awaiting publication', published: 'Published' };
