// /assurance/:cycle/pcts/:org/report: the panel report as a page (and a link to the PDF); the chair or SHA
// lead writes its text. Public once published; before that only the PCT, its SHA and the national team.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Table } from '../../components/Table.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { assuranceApi } from './api.ts';
import { ActionOutcome, LevelTag, RagTag, useAction } from './shared.tsx';

export function ReportPage() {
  const { cycle = '', org = '' } = useParams();
  const { api, session } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi((a) => assuranceApi.report(a, cycle, org), [cycle, org, version]);
  const action = useAction();
  const [text, setText] = useState({ overview: '', recommendations: ['', '', '', '', ''], outcomesComment: '', developmentPriorities: '' });
  useEffect(() => {
    if (loaded.state === 'ready') {
      const r = loaded.data;
      setText({ overview: r.overview, recommendations: [...r.recommendations, '', '', '', '', ''].slice(0, 5), outcomesComment: r.outcomesComment, developmentPriorities: r.developmentPriorities });
    }
  }, [loaded]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Panel report" loading><LoadingPage /></Page>;
  const r = loaded.data;
  const mayWrite = !r.published && !!session?.principal?.roles.some((x) => x.role === 'sha_assurance_lead' || x.role === 'sha_panel_member');
  const area = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className="nhsuk-form-group"><label className="nhsuk-label" htmlFor={id}>{label}</label>
      <textarea className="nhsuk-textarea" id={id} rows={3} value={value} onChange={(e) => set(e.target.value)} /></div>);
  return (
    <Page title={`Panel report ${r.orgCode}`}>
      <span className="nhsuk-caption-l">Assurance {r.year} · {r.published ? 'Published' : 'Not yet published'}</span>
      <h1>Panel report: {r.orgName}</h1>
      <p><a href={`/api/assurance/cycles/${cycle}/pcts/${r.orgCode}/report.pdf`}>Download the report as PDF</a></p>
      <h2>Overview</h2><p>{r.overview || 'Not written yet.'}</p>
      <h2>Headline recommendations</h2>
      {r.recommendations.length ? <ol>{r.recommendations.map((x) => <li key={x}>{x}</li>)}</ol> : <p>Not written yet.</p>}
      <Table caption="Scorecard: competencies" firstCellIsHeader head={[{ text: 'Competency' }, { text: 'Agreed level' }]}
        rows={r.competencies.map((c) => ({ key: String(c.number), cells: [{ text: `${c.number}. ${c.title}` }, { text: <LevelTag level={c.level} /> }] }))} />
      <Table caption="Scorecard: governance" firstCellIsHeader head={[{ text: 'Area' }, { text: 'Rating' }, { text: 'Sub-indicators' }]}
        rows={[...r.governance.map((a) => ({ key: a.area, cells: [{ text: a.title }, { text: <RagTag rag={a.rating} /> },
          { text: a.subIndicators.map((s) => `${s.id} ${s.rag ?? '–'}`).join(', ') }] })), { key: 'overall', cells: [{ text: 'Overall' }, { text: <RagTag rag={r.governanceOverall} /> }, { text: '' }] }]} />
      {r.autonomy?.status && <p>Earned autonomy: <strong>{r.autonomy.status}</strong>. {r.autonomy.offers.join('; ')}</p>}
      <Table caption="Self-assessment against panel assessment" firstCellIsHeader head={[{ text: 'Competency' }, { text: 'Self' }, { text: 'Panel' }, { text: 'Difference', format: 'numeric' }]}
        rows={r.selfVsPanel.rows.map((x) => ({ key: String(x.number), cells: [{ text: `${x.number}. ${x.title}` }, { text: <LevelTag level={x.self} /> }, { text: <LevelTag level={x.panel} /> }, { text: x.difference === null ? '–' : String(x.difference), format: 'numeric' }] }))} />
      <h2>Outcomes</h2>
      <p>{r.outcomes.better + r.outcomes.similar + r.outcomes.worse + r.outcomes.notCompared === 0 ? `No outcome indicators are stored for ${r.outcomes.period}.`
        : `Indicators for ${r.outcomes.period} against England: ${r.outcomes.better} better, ${r.outcomes.similar} similar, ${r.outcomes.worse} worse.`}</p>
      <h2>Comments on the chosen outcomes</h2><p>{r.outcomesComment || 'Not written yet.'}</p>
      <h2>Development priorities</h2><p>{r.developmentPriorities || 'Not written yet.'}</p>
      {r.weakest.length > 0 && <p>Weakest competencies, to which support is matched: {r.weakest.map((w) => `${w.number}. ${w.title} (level ${w.level})`).join('; ')}.</p>}
      {mayWrite && (
        <form noValidate onSubmit={async (e) => { e.preventDefault(); if (await action.run(() => assuranceApi.saveReport(api, cycle, r.orgCode, { ...text, recommendations: text.recommendations.filter((x) => x.trim()) }), 'Report saved.')) setVersion((v) => v + 1); }}>
          <h2>Write the report</h2>
          <ActionOutcome action={action} />
          {area('report-overview', 'Overview', text.overview, (v) => setText({ ...text, overview: v }))}
          {text.recommendations.map((x, i) => <Input key={i} id={`report-rec-${i + 1}`} name={`rec${i}`} label={{ text: `Recommendation ${i + 1}${i >= 3 ? ' (optional)' : ''}` }} value={x}
            onChange={(v) => setText({ ...text, recommendations: text.recommendations.map((y, j) => (j === i ? v : y)) })} />)}
          {area('report-outcomes', 'Comments on the chosen outcomes', text.outcomesComment, (v) => setText({ ...text, outcomesComment: v }))}
          {area('report-priorities', 'Development priorities', text.developmentPriorities, (v) => setText({ ...text, developmentPriorities: v }))}
          <Button type="submit" text="Save the report" disabled={action.busy} />
        </form>
      )}
    </Page>
  );
}
