// /assurance: the cycles, and for the national team a form to open one.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Table } from '../../components/Table.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { assuranceApi, type Timetable } from './api.ts';
import { ActionOutcome, formatWhen, phaseLabel, useAction } from './shared.tsx';
import { defaultTimetable, TimetableForm } from './TimetableForm.tsx';

export function CyclesPage() {
  const { api, can } = useSession();
  const navigate = useNavigate();
  const loaded = useApi((a) => assuranceApi.cycles(a), []);
  const [year, setYear] = useState('2009-10');
  const [version, setVersion] = useState('2009-10');
  const [timetable, setTimetable] = useState<Timetable>(defaultTimetable());
  const action = useAction();
  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Assurance" loading><LoadingPage /></Page>;
  return (
    <Page title="Assurance cycles">
      <h1>Assurance cycles</h1>
      <p>Each year every PCT is assessed on outcomes, competencies and governance by a panel led by its SHA, calibrated nationally, then published.</p>
      <Table caption="Cycles" head={[{ text: 'Year' }, { text: 'Framework' }, { text: 'Phase' }, { text: 'Publication' }]} firstCellIsHeader
        rows={loaded.data.cycles.map((c) => ({ key: c.id, cells: [
          { text: <AppLink href={`/assurance/${c.year}`}>{c.year}</AppLink> }, { text: `${c.frameworkId} ${c.frameworkVersion}` },
          { text: phaseLabel[c.phase ?? ''] ?? c.phase }, { text: formatWhen(c.timetable.publicationAt) }] }))} />
      {can('assurance:manage') && (
        <form noValidate onSubmit={async (e) => {
          e.preventDefault();
          const c = await action.run(() => assuranceApi.open(api, { year, frameworkId: 'wcc', frameworkVersion: version, timetable }));
          if (c) navigate(`/assurance/${c.year}`);
        }}>
          <h2>Open a cycle</h2>
          <ActionOutcome action={action} />
          <Input id="cycle-year" name="year" label={{ text: 'Year' }} hint={{ text: 'Financial year, for example 2009-10' }} value={year} onChange={setYear} classes="nhsuk-input--width-10" />
          <Input id="cycle-framework" name="frameworkVersion" label={{ text: 'WCC framework version' }} value={version} onChange={setVersion} classes="nhsuk-input--width-10" />
          <TimetableForm value={timetable} onChange={setTimetable} errors={action.problem?.errors ?? []} />
          <Button type="submit" disabled={action.busy} text="Open the cycle" />
        </form>
      )}
    </Page>
  );
}
