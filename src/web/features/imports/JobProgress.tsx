// Polls GET /api/jobs/{id} until the import job has finished, showing its progress meanwhile.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useSession } from '../../app/session.tsx';
import { importsApi, type Job } from './api.ts';
import { jobPercent } from './phase.ts';
import { ProgressBar } from './ProgressBar.tsx';

const POLL_MS = 750;

export function JobProgress({ jobId, fileName, onFinished }: { jobId: string; fileName: string; onFinished(job: Job): void }) {
  const { api } = useSession();
  const [job, setJob] = useState<Job | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The parent may pass a new callback on every render; polling must not restart (and drop an answer
  // in flight) because of it, so the latest callback is read through a ref.
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const j = await importsApi.job(api, jobId);
        if (!live) return;
        failures = 0;
        setProblem(null);
        if (j.status === 'succeeded' || j.status === 'failed') { finished.current(j); return; }
        setJob(j);
      } catch (err) {
        if (!live) return;
        // A moment's network trouble is retried; say so after a few failures in a row.
        if (++failures >= 3) setProblem(err instanceof ApiError ? err.message : String(err));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => { live = false; clearTimeout(timer); };
  }, [api, jobId]);
  const phase = job?.status === 'queued' ? 'queued' : job?.message ?? null;
  return (
    <>
      {problem && <ErrorSummary titleText="The progress of the import cannot be read" errorList={[{ text: `${problem} Still trying.` }]} />}
      <ProgressBar label={`Importing ${fileName}`} percent={job ? jobPercent(job.progressDone, job.progressTotal ?? 100) : 0} phase={phase} />
    </>
  );
}
