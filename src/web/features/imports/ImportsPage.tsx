// /imports: upload a file to import (issue 4), follow the job's progress, see its result or its
// row-level errors, and below, the provenance of past imports. Who may import is the API's decision:
// a 403 from GET /api/imports shows "You are not allowed to see this page".
import { useCallback, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { importsApi, type Job } from './api.ts';
import { ImportOutcome } from './ImportOutcome.tsx';
import { JobProgress } from './JobProgress.tsx';
import { ProvenanceTable } from './ProvenanceTable.tsx';
import { UploadForm } from './UploadForm.tsx';

type Step = { step: 'form' } | { step: 'running'; jobId: string; fileName: string } | { step: 'done'; job: Job; fileName: string };

export function ImportsPage() {
  const [version, setVersion] = useState(0);
  const list = useApi((api) => importsApi.list(api), [version]);
  const [step, setStep] = useState<Step>({ step: 'form' });
  const finished = useCallback((job: Job) => {
    setStep((s) => (s.step === 'running' ? { step: 'done', job, fileName: s.fileName } : s));
    setVersion((v) => v + 1);
  }, []);
  if (list.state === 'error') return <ProblemPage error={list.error} />;
  return (
    <Page title="Data imports" loading={list.state === 'loading' && version === 0}>
      <h1>Data imports</h1>
      <p>
        Import hospital episode statistics, ONS deaths and population, births, deprivation and published indicator values.
        Each file is checked whole first: if any row is invalid nothing is written, unless you choose to skip invalid rows.
        Importing the same file again changes nothing.
      </p>
      {step.step === 'form' && <UploadForm onStarted={(jobId, fileName) => setStep({ step: 'running', jobId, fileName })} />}
      {step.step === 'running' && (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">Importing</h2>
          <JobProgress jobId={step.jobId} fileName={step.fileName} onFinished={finished} />
        </section>
      )}
      {step.step === 'done' && (
        <section aria-labelledby="result-heading">
          <h2 id="result-heading">Result</h2>
          <ImportOutcome job={step.job} fileName={step.fileName} onAgain={() => setStep({ step: 'form' })} />
        </section>
      )}
      <h2>Past imports</h2>
      {list.state === 'ready' ? <ProvenanceTable imports={list.data.imports} /> : <LoadingPage text="Loading past imports…" />}
    </Page>
  );
}
