// /assurance/:cycle/calibration (national team): agreed-level distributions by SHA and competency, SHAs
// flagged lenient or harsh given self-assessment and outcomes, and moderation with a reason.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { assuranceApi } from './api.ts';
import { ActionOutcome, levelItems, useAction } from './shared.tsx';

export function CalibrationPage() {
  const { cycle = '' } = useParams();
  const { api } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi((a) => assuranceApi.calibration(a, cycle), [cycle, version]);
  const action = useAction();
  const [m, setM] = useState({ org: '', competency: '', level: '', reason: '' });
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Calibration" loading><LoadingPage /></Page>;
  const c = loaded.data;
  const fmt = (x: number | null, d = 2) => (x === null ? '–' : x.toFixed(d));
  const shaCodes = [...new Set(c.distributions.map((d) => d.shaCode))].sort();
  const comps = [...new Set(c.distributions.map((d) => d.competency))].sort((a, b) => Number(a) - Number(b));
  const predictors = c.model.terms.filter((t) => t !== 'intercept').map((t) => (t === 'selfMean' ? 'self-assessed level' : 'outcome index'));
  return (
    <Page title={`Calibration ${cycle}`}>
      <span className="nhsuk-caption-l">Assurance {cycle}</span>
      <h1>National calibration</h1>
      <p>Each PCT's mean agreed level is compared with {predictors.length ? `the level predicted nationally from its ${predictors.join(' and ')} (least squares over ${c.model.n} PCTs)` : `the national mean (too few PCTs, ${c.model.n}, to fit self-assessment and outcomes)`}.
        An SHA is flagged when the mean difference of its PCTs is at least {c.threshold} standard errors from zero.</p>
      <Table caption="Panels by SHA: leniency given self-assessment and outcomes" firstCellIsHeader
        head={[{ text: 'SHA' }, { text: 'PCTs', format: 'numeric' }, { text: 'Mean agreed level', format: 'numeric' }, { text: 'Expected', format: 'numeric' }, { text: 'Difference', format: 'numeric' }, { text: 'z', format: 'numeric' }, { text: 'Flag' }]}
        rows={c.shas.map((s) => ({ key: s.shaCode, cells: [{ text: s.shaCode }, { text: String(s.pcts), format: 'numeric' }, { text: fmt(s.meanPanel), format: 'numeric' },
          { text: fmt(s.meanExpected), format: 'numeric' }, { text: fmt(s.meanResidual), format: 'numeric' }, { text: fmt(s.z), format: 'numeric' },
          { text: s.flag ? <Tag text={s.flag === 'lenient' ? 'Lenient' : 'Harsh'} colour={s.flag === 'lenient' ? 'orange' : 'purple'} /> : 'Within range' }] }))} />
      <Table caption="Mean agreed level by SHA (rows) and competency (columns); counts of levels 1/2/3/4 below each mean" responsive firstCellIsHeader
        head={[{ text: 'SHA' }, ...comps.map((k) => ({ text: `C${k}`, format: 'numeric' as const }))]}
        rows={shaCodes.map((sha) => ({ key: sha, cells: [{ text: sha }, ...comps.map((k) => {
          const d = c.distributions.find((x) => x.shaCode === sha && x.competency === k);
          return { text: d ? <>{fmt(d.mean)}<br /><span className="nhsuk-body-s">{d.counts.join('/')}</span></> : '–', format: 'numeric' as const };
        })] }))} />
      <h2>Moderate an agreed level</h2>
      <ActionOutcome action={action} />
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => assuranceApi.moderate(api, cycle, m.org, { item: { kind: 'competency', item: m.competency, level: Number(m.level) }, reason: m.reason }), 'Moderation recorded.')) setVersion((v) => v + 1);
      }}>
        <Input id="mod-org" name="org" label={{ text: 'PCT code' }} value={m.org} onChange={(v) => setM({ ...m, org: v })} classes="nhsuk-input--width-5" />
        <Input id="mod-competency" name="competency" label={{ text: 'Competency number' }} value={m.competency} onChange={(v) => setM({ ...m, competency: v })} classes="nhsuk-input--width-3" />
        <Select id="mod-level" name="level" label={{ text: 'Moderated level' }} items={levelItems} value={m.level} onChange={(v) => setM({ ...m, level: v })} />
        <Input id="mod-reason" name="reason" label={{ text: 'Reason' }} hint={{ text: 'At least ten characters; published in the audit trail' }} value={m.reason} onChange={(v) => setM({ ...m, reason: v })} />
        <Button type="submit" text="Record moderation" variant="secondary" disabled={action.busy} />
      </form>
      <Table caption="Moderations" head={[{ text: 'PCT' }, { text: 'Item' }, { text: 'Before' }, { text: 'After' }, { text: 'Reason' }, { text: 'By' }]}
        rows={c.moderations.map((x, i) => ({ key: String(i), cells: [{ text: x.orgCode }, { text: `${x.kind} ${x.item}` }, { text: x.before }, { text: x.after }, { text: x.reason }, { text: x.by }] }))} />
    </Page>
  );
}
