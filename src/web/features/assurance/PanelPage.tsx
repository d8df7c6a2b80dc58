// /assurance/:cycle/pcts/:org/panel: who is on the panel; for the SHA lead, assigning it; for a member,
// declaring conflicts and scoring alone (colleagues' scores appear only after you submit); for the chair,
// the agreed scores with rationale; and the 360° results, self against panel and inter-rater agreement.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { InsetText } from '../../components/InsetText.tsx';
import { Table } from '../../components/Table.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { assuranceApi, pctPath, type PanelItem } from './api.ts';
import { ActionOutcome, LevelTag, RagTag, useAction } from './shared.tsx';
import { ScoresForm } from './ScoresForm.tsx';
import { SurveyResultsTable } from './SurveyResultsTable.tsx';

export function PanelPage() {
  const { cycle = '', org = '' } = useParams();
  const { api, can, session } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi(async (a) => ({
    panel: await assuranceApi.panel(a, cycle, org), f: await assuranceApi.framework(a, cycle),
    survey: await assuranceApi.surveyResults(a, cycle, org), report: await assuranceApi.report(a, cycle, org),
  }), [cycle, org, version]);
  const action = useAction();
  const [members, setMembers] = useState('');
  const [chair, setChair] = useState('');
  const [conflictNote, setConflictNote] = useState('');
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Panel" loading><LoadingPage /></Page>;
  const { panel, f, survey, report } = loaded.data;
  const reload = () => setVersion((v) => v + 1);
  const me = session?.principal?.userId;
  const mine = panel.scores.filter((s) => s.userId === me).map((s): PanelItem => ({ kind: s.kind as PanelItem['kind'], item: s.item, level: s.level, rag: s.rag, note: s.note }));
  const all = panel.scores;
  const raters = [...new Map(all.map((x) => [x.userId, { userId: x.userId, name: x.userId === me ? 'You' : x.name }])).values()]
    .sort((a, b) => (a.name === 'You' ? -1 : b.name === 'You' ? 1 : a.name.localeCompare(b.name)));
  const items = [...new Map(all.map((x) => [`${x.kind}:${x.item}`, { kind: x.kind, item: x.item }])).values()]
    .sort((a, b) => (a.kind === b.kind ? (a.kind === 'competency' ? Number(a.item) - Number(b.item) : a.item.localeCompare(b.item, 'en', { numeric: true })) : a.kind === 'competency' ? -1 : 1));
  const o = report.orgCode;
  return (
    <Page title={`Panel for ${o}`}>
      <span className="nhsuk-caption-l">Assurance {cycle} · {report.orgName}</span>
      <h1>Panel for {report.orgName}</h1>
      <p><AppLink href={pctPath(cycle, o)}>Self-assessment and evidence</AppLink> · <AppLink href={`${pctPath(cycle, o)}/report`}>Panel report</AppLink></p>
      <ActionOutcome action={action} />
      <Table caption="Panel members" head={[{ text: 'Member' }, { text: 'Role' }, { text: 'Conflict of interest' }, { text: 'Scores' }]}
        rows={panel.members.map((m) => ({ key: m.userId, cells: [{ text: m.name }, { text: m.chair ? 'Chair' : 'Member' },
          { text: m.conflict === null ? 'Not declared yet' : m.conflict === 'none' ? 'None' : 'Declared: does not score' }, { text: m.submitted ? 'Submitted' : 'Not submitted' }] }))} />
      {can('assurance:run') && (
        <form noValidate onSubmit={async (e) => {
          e.preventDefault();
          const list = members.split(/[\s,]+/).filter(Boolean).map((email) => ({ email, chair: email === chair.trim() }));
          if (await action.run(() => assuranceApi.assign(api, cycle, o, list), 'Panel assigned.')) reload();
        }}>
          <h2>Assign the panel</h2>
          <Input id="panel-members" name="members" label={{ text: 'Panel members\' email addresses' }} hint={{ text: 'Separate with commas' }} value={members} onChange={setMembers} />
          <Input id="panel-chair" name="chair" label={{ text: 'Chair\'s email address' }} value={chair} onChange={setChair} />
          <Button type="submit" text="Assign panel" variant="secondary" disabled={action.busy} />
        </form>
      )}
      {panel.me.member && panel.me.conflict === null && (
        <form noValidate onSubmit={(e) => e.preventDefault()}>
          <h2>Declare conflicts of interest</h2>
          <Input id="conflict-note" name="note" label={{ text: 'Conflict of interest, if any' }} hint={{ text: 'For example a role with a provider or the local authority' }} value={conflictNote} onChange={setConflictNote} />
          <div className="nhsuk-button-group">
            <Button text="I have no conflict of interest" onClick={async () => { if (await action.run(() => assuranceApi.conflict(api, cycle, o, { conflict: 'none', note: '' }))) reload(); }} />
            <Button text="Declare a conflict" variant="secondary" onClick={async () => { if (await action.run(() => assuranceApi.conflict(api, cycle, o, { conflict: 'declared', note: conflictNote }))) reload(); }} />
          </div>
        </form>
      )}
      {panel.me.member && panel.me.conflict === 'none' && !panel.me.submitted && (
        <section>
          <h2>Your scores</h2>
          <InsetText><p>Score alone. You will see your colleagues' scores once you have submitted yours.</p></InsetText>
          <ScoresForm f={f} prefix="mine" initial={mine} noteLabel="Your note" buttons={[
            { text: 'Save my scores', secondary: true, onClick: (items) => { void action.run(() => assuranceApi.myScores(api, cycle, o, items, false), 'Your scores are saved.'); } },
            { text: 'Submit my scores', onClick: async (items) => { if (await action.run(() => assuranceApi.myScores(api, cycle, o, items, true), 'Your scores are submitted.')) reload(); } },
          ]} />
        </section>
      )}
      <h2>Panel members' scores</h2>
      {panel.othersHidden ? <InsetText><p>Colleagues' scores are hidden until you submit your own.</p></InsetText> : (
        <Table caption="Submitted scores, side by side" responsive firstCellIsHeader
          head={[{ text: 'Item' }, ...raters.map((r) => ({ text: r.name }))]}
          rows={items.map((it) => ({ key: `${it.kind}:${it.item}`, cells: [
            { text: it.kind === 'competency' ? `Competency ${it.item}` : `Sub-indicator ${it.item}` },
            ...raters.map((r) => {
              const sc = all.find((x) => x.userId === r.userId && x.kind === it.kind && x.item === it.item);
              if (!sc) return { text: '–' };
              return { text: <>{sc.kind === 'competency' ? <LevelTag level={sc.level ?? null} /> : <RagTag rag={sc.rag ?? null} />}{sc.note && <span className="nhsuk-body-s"> {sc.note}</span>}</> };
            })] }))} />
      )}
      {panel.agreement && <p>Inter-rater agreement: exact agreement on levels {((panel.agreement.levelExactAgreement ?? 0) * 100).toFixed(0)}%,
        mean linear-weighted kappa {panel.agreement.meanKappa === null ? 'not defined' : panel.agreement.meanKappa.toFixed(2)}; RAG agreement {((panel.agreement.ragExactAgreement ?? 0) * 100).toFixed(0)}%.</p>}
      {panel.me.chair && panel.me.submitted && (
        <section>
          <h2>Agreed scores</h2>
          <ScoresForm f={f} prefix="agreed" noteLabel="Rationale" initial={panel.agreed.length ? panel.agreed.map((a) => ({ kind: a.kind as PanelItem['kind'], item: a.item, level: a.level, rag: a.rag, note: a.rationale })) : mine.map((m) => ({ ...m, note: '' }))}
            buttons={[{ text: 'Record agreed scores', onClick: async (items) => { if (await action.run(() => assuranceApi.agree(api, cycle, o, items), 'Agreed scores recorded.')) reload(); } }]} />
        </section>
      )}
      {panel.agreed.length > 0 && (
        <Table caption="Self-assessment against panel assessment" head={[{ text: 'Competency' }, { text: 'Self' }, { text: 'Panel' }, { text: 'Difference', format: 'numeric' }]} firstCellIsHeader
          rows={report.selfVsPanel.rows.map((r) => ({ key: String(r.number), cells: [{ text: `${r.number}. ${r.title}` }, { text: <LevelTag level={r.self} /> }, { text: <LevelTag level={r.panel} /> },
            { text: r.difference === null ? '–' : String(r.difference), format: 'numeric' }] }))} />
      )}
      <SurveyResultsTable r={survey} f={f} />
    </Page>
  );
}
