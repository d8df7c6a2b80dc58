// /orgs/{code}/outcomes: a PCT's local outcomes for a cycle. The PCT drafts (choices, targets,
// trajectories, rationale) and submits; the SHA comments, returns or approves; approved is locked.
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { getOrganisation } from '../../api/endpoints.ts';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { Select } from '../../components/Select.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { commentOutcomes, getMenu, getOutcomes, saveOutcomes, stepOutcomes, type ChoiceInput, type SelectionRow } from './api.ts';
import { ChoiceEditor } from './ChoiceEditor.tsx';
import { statusLabels } from './format.ts';
import { SelectionSummary } from './SelectionSummary.tsx';
import { Textarea } from './Textarea.tsx';

const toInput = (c: SelectionRow['choices'][number]): ChoiceInput => ({
  indicatorId: c.indicatorId, targetBasis: c.targetBasis, targetValue: c.targetBasis === 'custom' ? c.targetValue : undefined, shape: c.shape, rationale: c.rationale,
});

export function OutcomesPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { api, can } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi(async (a) => {
    const [o, org, menu] = await Promise.all([getOutcomes(a, code, params.get('cycle') ?? undefined), getOrganisation(a, code), getMenu(a)]);
    return { ...o, org, menu: menu.indicators };
  }, [code, params.get('cycle'), version]);
  const [choices, setChoices] = useState<ChoiceInput[]>([]);
  const [adding, setAdding] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  // A confirmation waits for the reload that follows the change, so it never shows beside the old status:
  // `after` is the answer on screen when the change was made; the message shows with the next one.
  const [pending, setPending] = useState<{ message: string; after: unknown } | null>(null);
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    const { cycle, selection } = loaded.data;
    setChoices(selection?.choices.length ? selection.choices.map(toInput)
      : cycle.mandated.map((id) => ({ indicatorId: id, targetBasis: 'best-quartile', shape: 'linear', rationale: '' })));
    if (pending && pending.after !== loaded.data) {
      setDone(pending.message);
      setPending(null);
    }
  }, [loaded]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Local outcomes" loading><LoadingPage /></Page>;
  const { cycle, selection, org, menu } = loaded.data;
  const status = selection?.status ?? 'not-started';
  const editable = can('org-data:write') && ['not-started', 'draft', 'returned'].includes(status);
  const deciding = can('org-data:approve') && status === 'submitted';
  const title = (id: string) => menu.find((m) => m.id === id)?.title ?? id;
  const local = choices.filter((c) => !cycle.mandated.includes(c.indicatorId)).length;
  const run = async (what: () => Promise<unknown>, message: string) => {
    setErrors([]); setDone(null); setPending(null);
    try { await what(); setPending({ message, after: loaded.data }); setNote(''); setVersion((v) => v + 1); } catch (e) {
      setErrors(e instanceof ApiError ? (e.problem.errors?.map((x) => x.message) ?? [e.message]) : [String(e)]);
    }
  };
  return (
    <Page title={`Local outcomes ${cycle.year}`}>
      <span className="nhsuk-caption-l">{org.name} ({org.code}) · cycle {cycle.year}</span>
      <h1>Local health outcomes and trajectories</h1>
      {errors.length > 0 && <ErrorSummary errorList={errors.map((text) => ({ text }))} />}
      {done && <NotificationBanner type="success" titleText="Done"><p className="nhsuk-notification-banner__heading">{done}</p></NotificationBanner>}
      <p>Status: <Tag text={statusLabels[status].text} colour={statusLabels[status].colour} /></p>
      <p>This cycle asks for {cycle.localOutcomes} local outcomes plus the mandated ones ({cycle.mandated.map(title).join('; ') || 'none'}), each with a {cycle.trajectoryYears}-year trajectory from the {cycle.baselinePeriod} baseline.
        {' '}<AppLink href={`/orgs/${org.code}/outcomes/progress`}>Progress against the trajectories</AppLink> · <AppLink href={`/areas/${org.code}`}>Health profile</AppLink></p>
      {editable ? (
        <form onSubmit={(e) => { e.preventDefault(); void run(() => saveOutcomes(api, org.code, cycle.year, choices), 'Your draft is saved.'); }} noValidate>
          <h2>Your choices ({local} of {cycle.localOutcomes} local)</h2>
          {choices.map((c, i) => (
            <ChoiceEditor key={c.indicatorId} orgCode={org.code} cycle={cycle.year} choice={c} title={title(c.indicatorId)} mandated={cycle.mandated.includes(c.indicatorId)}
              onChange={(n) => setChoices(choices.map((x, j) => (j === i ? n : x)))} onRemove={() => setChoices(choices.filter((_, j) => j !== i))} />
          ))}
          {local < cycle.localOutcomes && (
            <div className="nhsuk-form-group">
              <Select id="add-outcome" name="add" label={{ text: 'Add a local outcome' }} value={adding} onChange={setAdding}
                items={[{ value: '', text: 'Choose an indicator' }, ...menu.filter((m) => !choices.some((c) => c.indicatorId === m.id)).map((m) => ({ value: m.id, text: m.title }))]} />
              <Button text="Add outcome" type="button" variant="secondary" onClick={() => { if (adding) { setChoices([...choices, { indicatorId: adding, targetBasis: 'best-quartile', shape: 'linear', rationale: '' }]); setAdding(''); } }} />
            </div>
          )}
          <div className="nhsuk-button-group">
            <Button text="Save draft" />
            <Button text="Submit to SHA" type="button" variant="secondary"
              onClick={() => void run(async () => { await saveOutcomes(api, org.code, cycle.year, choices); await stepOutcomes(api, org.code, cycle.year, 'submit', note); }, 'Submitted to your SHA for approval.')} />
          </div>
        </form>
      ) : selection && <SelectionSummary selection={selection} title={title} />}
      {deciding && (
        <section className="wcc-no-print">
          <h2>SHA decision</h2>
          <Textarea id="decision" name="decision" label="Comment for the PCT" hint="Needed when you return the selection." value={note} onChange={setNote} />
          <div className="nhsuk-button-group">
            <Button text="Approve and lock" type="button" onClick={() => void run(() => stepOutcomes(api, org.code, cycle.year, 'approve', note), 'Approved: the trajectories are locked for the year.')} />
            <Button text="Return to PCT" type="button" variant="secondary" onClick={() => void run(() => stepOutcomes(api, org.code, cycle.year, 'return', note), 'Returned to the PCT.')} />
          </div>
        </section>
      )}
      {selection && (
        <section>
          <h2>Conversation</h2>
          {selection.comments.length === 0 ? <p>No comments yet.</p> : (
            <ul className="nhsuk-list nhsuk-list--border">
              {selection.comments.map((c) => <li key={c.id}><strong>{c.kind}</strong> · {c.authorEmail ?? 'system'} · {new Date(c.at).toLocaleString('en-GB')}{c.body && <>: {c.body}</>}</li>)}
            </ul>
          )}
          {!deciding && (
            <form className="wcc-no-print" onSubmit={(e) => { e.preventDefault(); void run(() => commentOutcomes(api, org.code, cycle.year, note), 'Comment added.'); }}>
              <Textarea id="comment" name="comment" label="Add a comment" value={note} onChange={setNote} />
              <Button text="Add comment" variant="secondary" />
            </form>
          )}
        </section>
      )}
    </Page>
  );
}
