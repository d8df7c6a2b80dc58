// Panel scoring for a round: score each option on each criterion (0–10) on your own; after you submit
// you see everyone's scores; the chair then records the agreed score and rationale.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { InsetText } from '../../components/InsetText.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { Table } from '../../components/Table.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { investmentApi, type PanelView } from './api.ts';
import { useAction } from './use-action.ts';

const key = (optionId: number, criterion: string) => `${optionId}|${criterion}`;

export function PanelPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const loaded = useApi(async (a) => ({ detail: await investmentApi.round(a, id), panel: await investmentApi.panel(a, id) }), [id]);
  const [panel, setPanel] = useState<PanelView | null>(null);
  const [mine, setMine] = useState<Record<string, string>>({});
  const [agreed, setAgreed] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState<Record<number, string>>({});
  const action = useAction();
  // The confirmation once the server has recorded the agreed scores: a new banner (taking focus, announced
  // as an alert) for each confirmation, and none while another action runs or after one fails.
  const [done, setDone] = useState<{ message: string; n: number } | null>(null);
  const run = (fn: () => Promise<unknown>, message?: string) => {
    setDone(null);
    void action.run(async () => {
      await fn();
      if (message) setDone((d) => ({ message, n: (d?.n ?? 0) + 1 }));
    });
  };
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    setPanel(loaded.data.panel);
    setMine(Object.fromEntries(loaded.data.panel.mine.map((s) => [key(s.optionId, s.criterion), String(s.score)])));
    setAgreed(Object.fromEntries(loaded.data.panel.agreed.map((s) => [key(s.optionId, s.criterion), String(s.score)])));
    setRationale(Object.fromEntries(loaded.data.panel.agreed.map((s) => [s.optionId, s.rationale])));
  }, [loaded.state]);

  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading' || !panel) return <Page title="Panel scoring" loading><LoadingPage /></Page>;
  const { round, options, criteria } = loaded.data.detail;
  const cell = (values: Record<string, string>, setter: (f: (v: Record<string, string>) => Record<string, string>) => void, prefix: string, optionId: number, c: string, disabled = false) => (
    <input className="nhsuk-input nhsuk-input--width-2" id={`${prefix}-${optionId}-${c}`} aria-label={`${prefix === 'mine' ? 'Your score' : 'Agreed score'} for option ${optionId}, ${c}`} inputMode="numeric" disabled={disabled}
      value={values[key(optionId, c)] ?? ''} onChange={(e) => setter((v) => ({ ...v, [key(optionId, c)]: e.target.value }))} />
  );
  const scoresFrom = (values: Record<string, string>) => Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => { const [o, c] = k.split('|'); return { optionId: Number(o), criterion: c!, score: Number(v) }; });

  return (
    <Page title="Panel scoring">
      <BackLink href={`/investment/rounds/${id}`} text="Back to the round" />
      <span className="nhsuk-caption-l">{round.title}</span>
      <h1>Panel scoring</h1>
      {action.problem && <ErrorSummary errorList={[{ text: action.problem }, ...Object.entries(action.errors).map(([k, v]) => ({ text: `${k}: ${v}` }))]} />}
      {done && <NotificationBanner key={done.n} type="success"><p className="nhsuk-notification-banner__heading">{done.message}</p></NotificationBanner>}
      {round.status !== 'scoring' && <InsetText><p>The round is {round.status}; scores can be entered while it is open for scoring.</p></InsetText>}
      <h2 className="nhsuk-heading-m">Your scores (0 to 10)</h2>
      <p>{panel.submitted ? 'You have submitted your scores.' : 'Score on your own: you will see the other members’ scores once you submit yours.'}</p>
      <Table caption="Your scores" captionSize="s" responsive head={[{ text: 'Option' }, ...criteria.map((c) => ({ text: c.name }))]}
        rows={options.map((o) => ({ key: o.code, cells: [{ text: `${o.code} ${o.title}` }, ...criteria.map((c) => ({ text: cell(mine, setMine, 'mine', o.id, c.code, panel.submitted) }))] }))} />
      {!panel.submitted && (
        <>
          <Button text="Save my scores" type="button" variant="secondary" disabled={action.busy} onClick={() => run(async () => setPanel(await investmentApi.saveScores(api, id, { scores: scoresFrom(mine) })))} />{' '}
          <Button text="Submit my scores" type="button" disabled={action.busy} onClick={() => run(async () => { await investmentApi.saveScores(api, id, { scores: scoresFrom(mine) }); setPanel(await investmentApi.submitScores(api, id)); })} />
        </>
      )}
      <h2 className="nhsuk-heading-m">Everyone’s scores</h2>
      {panel.all === null ? <p>Hidden until you submit your own scores. {panel.submissions.length} member(s) have submitted.</p> : (
        <Table caption="Scores by member" captionSize="s" head={[{ text: 'Option' }, { text: 'Criterion' }, { text: 'Member' }, { text: 'Score', format: 'numeric' }]}
          rows={panel.all.map((s, i) => ({ key: String(i), cells: [{ text: options.find((o) => o.id === s.optionId)?.code ?? s.optionId }, { text: s.criterion }, { text: s.scorerName }, { text: String(s.score), format: 'numeric' }] }))} />
      )}
      {panel.canChair && (
        <>
          <h2 className="nhsuk-heading-m">Agreed scores (chair)</h2>
          <Table caption="Agreed scores and rationale" captionSize="s" responsive head={[{ text: 'Option' }, ...criteria.map((c) => ({ text: c.name })), { text: 'Rationale' }]}
            rows={options.map((o) => ({ key: o.code, cells: [{ text: o.code }, ...criteria.map((c) => ({ text: cell(agreed, setAgreed, 'agreed', o.id, c.code) })),
              { text: <input className="nhsuk-input" id={`rationale-${o.id}`} aria-label={`Rationale for ${o.code}`} value={rationale[o.id] ?? ''} onChange={(e) => setRationale((r) => ({ ...r, [o.id]: e.target.value }))} /> }] }))} />
          <Button text="Record agreed scores" type="button" disabled={action.busy} onClick={() => run(async () => setPanel(await investmentApi.agree(api, id, { scores: scoresFrom(agreed).map((s) => ({ ...s, rationale: rationale[s.optionId] || 'Agreed by the panel' })) })),
            'The agreed scores and rationale are recorded.')} />
        </>
      )}
    </Page>
  );
}
