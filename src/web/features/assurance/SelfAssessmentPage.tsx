// /assurance/:cycle/pcts/:org: the PCT's self-assessment — a level and narrative for every sub-criterion,
// evidence, stakeholders for the 360° survey — saved as a draft, then submitted (locked). The SHA may
// reopen it after the deadline.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { Details } from '../../components/Details.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Tag } from '../../components/Tag.tsx';
import { WarningCallout } from '../../components/WarningCallout.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { assuranceApi, pctPath, type Framework, type SelfAssessment } from './api.ts';
import { ActionOutcome, levelItems, useAction } from './shared.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { StakeholdersSection } from './StakeholdersSection.tsx';

interface DraftScore { level: string; narrative: string; metrics: string }

export function SelfAssessmentPage() {
  const { cycle = '', org = '' } = useParams();
  const { api, can } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi(async (a) => ({ sa: await assuranceApi.self(a, cycle, org), f: await assuranceApi.framework(a, cycle) }), [cycle, org, version]);
  // What the commissioner has changed on this page, over what the server holds. Reloads (after an upload,
  // confirming evidence, saving) replace the server's values but keep these, so unsaved choices survive.
  const scope = `${cycle}/${org}`;
  const [edits, setEdits] = useState<{ scope: string; values: Record<string, Partial<DraftScore>> }>({ scope, values: {} });
  const action = useAction();
  const [reopen, setReopen] = useState({ reason: '', until: '' });
  // Keep showing the last answer while reloading, so sections keep their messages across a reload.
  const [last, setLast] = useState<{ sa: SelfAssessment; f: Framework } | null>(null);
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    setLast(loaded.data);
  }, [loaded]);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  const data = loaded.state === 'ready' ? loaded.data : last;
  if (!data) return <Page title="Self-assessment" loading><LoadingPage /></Page>;
  const { sa, f } = data;
  const changed = edits.scope === scope ? edits.values : {};
  const draft: Record<string, DraftScore> = Object.fromEntries(sa.scores.map((s) => [s.subCriterion, { level: s.level ? String(s.level) : '', narrative: s.narrative, metrics: s.metrics.join(', ') }]));
  for (const [k, v] of Object.entries(changed)) draft[k] = { ...(draft[k] ?? { level: '', narrative: '', metrics: '' }), ...v };
  const edit = (subCriterion: string, change: Partial<DraftScore>) =>
    setEdits((e) => ({ scope, values: { ...(e.scope === scope ? e.values : {}), [subCriterion]: { ...(e.scope === scope ? e.values[subCriterion] : {}), ...change } } }));
  const reload = () => setVersion((v) => v + 1);
  const canEdit = sa.editable.allowed && can('assurance:self-assess');
  const review = new Set(sa.scores.filter((s) => s.needsReview).map((s) => s.subCriterion));
  const save = () => assuranceApi.saveSelf(api, cycle, sa.orgCode, Object.entries(draft).filter(([, v]) => v.level || v.narrative || v.metrics)
    .map(([k, v]) => ({ subCriterion: k, level: v.level ? Number(v.level) : null, narrative: v.narrative, metrics: (v.metrics ?? '').split(/[\s,]+/).filter(Boolean) })));
  return (
    <Page title={`Self-assessment ${sa.orgCode}`}>
      <span className="nhsuk-caption-l">Assurance {cycle} · {sa.orgCode}</span>
      <h1>Self-assessment</h1>
      <p>Status: <Tag text={sa.status === 'submitted' ? 'Submitted' : sa.status === 'draft' ? 'Draft' : 'Not started'} colour={sa.status === 'submitted' ? 'green' : 'yellow'} />{' '}
        {sa.streamlined && <Tag text="Streamlined: carried forward from last year" colour="blue" />}</p>
      <p className="nhsuk-body-s">{sa.editable.allowed ? 'You can edit it: ' : 'Locked: '}{sa.editable.reason}.</p>
      <p><AppLink href={`${pctPath(cycle, sa.orgCode)}/panel`}>Panel and survey results</AppLink> · <AppLink href={`${pctPath(cycle, sa.orgCode)}/report`}>Panel report</AppLink></p>
      {review.size > 0 && <WarningCallout heading="Review what was carried forward"><p>{review.size} scores came from last year. Check each one and save it to confirm it.</p></WarningCallout>}
      <ActionOutcome action={action} />
      <form noValidate onSubmit={async (e) => { e.preventDefault(); if (await action.run(save, 'Draft saved.')) reload(); }}>
        {f.competencies.filter((c) => c.scored).map((c) => (
          <fieldset className="nhsuk-fieldset" key={c.number}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 className="nhsuk-fieldset__heading">{c.number}. {c.title}</h2></legend>
            {c.subCriteria.map((s) => (
              <div key={s.number} className="nhsuk-u-margin-bottom-5">
                <Select id={`level-${s.number}`} name={`level-${s.number}`} label={{ text: `${s.number} ${s.title}${review.has(s.number) ? ' (carried forward: review)' : ''}` }}
                  items={levelItems} value={draft[s.number]?.level ?? ''} onChange={(v) => edit(s.number, { level: v })} />
                <Details summaryText={`Level descriptors and indicators for ${s.number}`}>
                  <ul>{Object.entries(s.descriptors).map(([l, d]) => <li key={l}><strong>Level {l}:</strong> {d}</li>)}</ul>
                  <Input id={`metrics-${s.number}`} name={`metrics-${s.number}`} label={{ text: `Outcome indicators as evidence for ${s.number}` }}
                    hint={{ text: sa.availableMetrics.length ? `Indicator ids, separated by commas; this PCT has values for ${sa.availableMetrics.slice(0, 6).join(', ')}${sa.availableMetrics.length > 6 ? ' …' : ''}` : 'Indicator ids from the outcomes module, separated by commas' }}
                    value={draft[s.number]?.metrics ?? ''} onChange={(v) => edit(s.number, { metrics: v })} />
                </Details>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label" htmlFor={`narrative-${s.number}`}>Narrative for {s.number}</label>
                  <textarea className="nhsuk-textarea" id={`narrative-${s.number}`} rows={2} value={draft[s.number]?.narrative ?? ''} disabled={!canEdit}
                    onChange={(e) => edit(s.number, { narrative: e.target.value })} />
                </div>
              </div>
            ))}
          </fieldset>
        ))}
        {canEdit && <div className="nhsuk-button-group">
          <Button type="submit" text="Save draft" variant="secondary" disabled={action.busy} />
          <Button type="button" text="Submit self-assessment" disabled={action.busy} onClick={async () => {
            if (await action.run(async () => { await save(); return assuranceApi.submitSelf(api, cycle, sa.orgCode); }, 'Self-assessment submitted. It is now locked.')) reload();
          }} />
        </div>}
      </form>
      <EvidenceSection cycle={cycle} sa={sa} f={f} canEdit={canEdit} onChange={reload} />
      <StakeholdersSection cycle={cycle} orgCode={sa.orgCode} f={f} />
      {can('assurance:run') && !sa.editable.allowed && (
        <form noValidate onSubmit={async (e) => { e.preventDefault(); if (await action.run(() => assuranceApi.reopen(api, cycle, sa.orgCode, reopen), 'Reopened.')) reload(); }}>
          <h2>Reopen after the deadline</h2>
          <Input id="reopen-reason" name="reason" label={{ text: 'Reason (recorded in the audit trail)' }} value={reopen.reason} onChange={(v) => setReopen({ ...reopen, reason: v })} />
          <Input id="reopen-until" name="until" label={{ text: 'Open until' }} hint={{ text: 'Date and time, for example 2010-01-20T17:00:00Z' }} value={reopen.until} onChange={(v) => setReopen({ ...reopen, until: v })} classes="nhsuk-input--width-20" />
          <Button type="submit" text="Reopen the self-assessment" variant="secondary" disabled={action.busy} />
        </form>
      )}
    </Page>
  );
}
