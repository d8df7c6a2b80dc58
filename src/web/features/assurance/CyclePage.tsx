// /assurance/:cycle: the phase and timetable, the PCTs you work on with their progress, and for the
// national team the timetable, calibration, earned autonomy and publication.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { assuranceApi, pctPath, type Timetable } from './api.ts';
import { ActionOutcome, formatWhen, phaseLabel, useAction } from './shared.tsx';
import { TimetableForm } from './TimetableForm.tsx';

const selfLabel: Record<string, string> = { not_started: 'Not started', draft: 'Draft', submitted: 'Submitted' };

export function CyclePage() {
  const { cycle = '' } = useParams();
  const { api, can } = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi((a) => assuranceApi.overview(a, cycle), [cycle, version]);
  const [timetable, setTimetable] = useState<Timetable | null>(null);
  const action = useAction();
  const [proposal, setProposal] = useState<{ orgCode: string; statusTitle: string }[] | null>(null);
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title={`Assurance ${cycle}`} loading><LoadingPage /></Page>;
  const { cycle: c, phase, pcts } = loaded.data;
  const t = c.timetable;
  const manage = can('assurance:manage');
  return (
    <Page title={`Assurance ${c.year}`}>
      <span className="nhsuk-caption-l">{c.frameworkId} framework {c.frameworkVersion}</span>
      <h1>Assurance {c.year}</h1>
      <p>Phase now: <Tag text={phaseLabel[phase] ?? phase} colour="blue" /> {c.confirmedAt ? <Tag text="Ratings confirmed" colour="green" /> : null}</p>
      <SummaryList rows={[
        { key: { text: 'Self-assessment deadline' }, value: { text: formatWhen(t.selfAssessmentDeadline) } },
        { key: { text: 'Survey' }, value: { text: `${formatWhen(t.surveyOpens)} to ${formatWhen(t.surveyCloses)}` } },
        { key: { text: 'Panels' }, value: { text: `${t.panelsFrom} to ${t.panelsTo}` } },
        { key: { text: 'National calibration by' }, value: { text: t.calibrationBy } },
        { key: { text: 'Publication' }, value: { text: formatWhen(t.publicationAt) } },
      ]} />
      <p><AppLink href={`/assurance/${c.year}/league`}>League table and open data</AppLink></p>
      <Table caption={`PCTs (${pcts.length})`} responsive firstCellIsHeader
        head={[{ text: 'PCT' }, { text: 'SHA' }, { text: 'Self-assessment' }, { text: 'Survey answers', format: 'numeric' }, { text: 'Panel submitted', format: 'numeric' }, { text: 'Agreed items', format: 'numeric' }, { text: 'Panel' }]}
        rows={pcts.map((p) => ({ key: p.orgCode, cells: [
          { text: <AppLink href={pctPath(c.year, p.orgCode)}>{p.name} ({p.orgCode})</AppLink> }, { text: p.shaCode },
          { text: selfLabel[p.selfAssessment] ?? p.selfAssessment }, { text: `${p.responses} of ${p.stakeholders}`, format: 'numeric' },
          { text: `${p.panelSubmitted} of ${p.panelMembers}`, format: 'numeric' }, { text: String(p.agreedItems), format: 'numeric' },
          { text: <AppLink href={`${pctPath(c.year, p.orgCode)}/panel`}>Panel for {p.orgCode}</AppLink> }] }))} />
      {manage && (
        <>
          <h2>National team</h2>
          <ActionOutcome action={action} />
          <p><AppLink href={`/assurance/${c.year}/calibration`}>National calibration and moderation</AppLink></p>
          {!c.confirmedAt && (
            <>
              <Button text="Compute earned autonomy" variant="secondary" disabled={action.busy} onClick={async () => {
                const r = await action.run(() => assuranceApi.computeAutonomy(api, c.year), 'Proposals computed from the policy.');
                if (r) setProposal(r.decisions);
              }} />
              {proposal && <Table caption="Proposed earned-autonomy statuses" head={[{ text: 'PCT' }, { text: 'Proposed status' }]} rows={proposal.map((d) => ({ key: d.orgCode, cells: [{ text: d.orgCode }, { text: d.statusTitle }] }))} />}
              <Button text="Confirm ratings and autonomy" disabled={action.busy} onClick={async () => {
                if (await action.run(() => assuranceApi.confirmAutonomy(api, c.year), 'Ratings and autonomy confirmed.')) setVersion((v) => v + 1);
              }} />
            </>
          )}
          <form noValidate onSubmit={async (e) => {
            e.preventDefault();
            if (timetable && await action.run(() => assuranceApi.timetable(api, c.year, timetable), 'Timetable changed.')) setVersion((v) => v + 1);
          }}>
            <h3>Change the timetable</h3>
            <TimetableForm value={timetable ?? t} onChange={setTimetable} errors={action.problem?.errors ?? []} />
            <Button type="submit" text="Save the timetable" variant="secondary" disabled={action.busy} />
          </form>
        </>
      )}
    </Page>
  );
}
