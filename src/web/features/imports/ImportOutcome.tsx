// How an import ended: the rows imported (and the rejected rows to download), "already imported",
// or the importer's row-level errors — `file:row:column: reason`, the first 100 and the total — in
// an error summary that says nothing was written.
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { rejectsUrl, type Job } from './api.ts';

const count = (n: number) => n.toLocaleString('en-GB');
const rows = (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

export function ImportOutcome({ job, fileName, onAgain }: { job: Job; fileName: string; onAgain(): void }) {
  const again = <Button text="Import another file" variant="secondary" type="button" onClick={onAgain} />;
  const r = job.result;
  if (job.status === 'failed' || !r) {
    return (
      <>
        <ErrorSummary titleText={`${fileName} was not imported`} descriptionText="Nothing was written."
          errorList={[{ text: job.error ?? 'The import stopped without saying why.' }]} />
        {again}
      </>
    );
  }
  if (r.status === 'invalid') {
    const shown = r.errors.length < r.errorCount ? ` The first ${count(r.errors.length)} of ${count(r.errorCount)} errors are listed.` : '';
    return (
      <>
        <ErrorSummary titleText={`${r.fileName} was not imported`}
          descriptionText={`${count(r.errorCount)} ${r.errorCount === 1 ? 'error' : 'errors'} in ${rows(r.rowsRejected)} of ${count(r.rowsRead)}. Nothing was written.${shown} Each error reads file:row:column: reason, where row is the line in the file (the header is line 1).`}
          errorList={r.errors.map((text) => ({ text }))} />
        <p>Correct the file and upload it again, or choose to skip invalid rows and keep a reject file.</p>
        {again}
      </>
    );
  }
  if (r.status === 'unchanged') {
    return (
      <>
        <NotificationBanner titleText="Already imported"><p>{r.message}</p></NotificationBanner>
        {again}
      </>
    );
  }
  return (
    <>
      <NotificationBanner type="success" titleText="Imported">
        <h3 className="nhsuk-notification-banner__heading">{rows(r.rowsWritten)} imported from {r.fileName}</h3>
        {r.rowsRejected > 0 && <p>{rows(r.rowsRejected)} rejected.</p>}
      </NotificationBanner>
      <SummaryList rows={[
        { key: { text: 'Rows read' }, value: { text: count(r.rowsRead) } },
        { key: { text: 'Rows imported' }, value: { text: count(r.rowsWritten) } },
        { key: { text: 'Rows rejected' }, value: { text: r.rowsRejected > 0 && r.importId
          ? <>{count(r.rowsRejected)} (<a href={rejectsUrl(r.importId)} download>download the rejected rows as CSV<span className="nhsuk-u-visually-hidden"> for {r.fileName}</span></a>)</>
          : count(r.rowsRejected) } },
        { key: { text: 'Import ID' }, value: { text: <code>{r.importId}</code> } },
      ]} />
      {again}
    </>
  );
}
