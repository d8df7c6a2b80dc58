// Past imports (provenance), newest first: file, kind, SHA-256 (shortened, the whole in a tooltip and
// to screen readers), rows, who and when.
import { Table } from '../../components/Table.tsx';
import { formatDateTime } from '../../app/format.ts';
import { rejectsUrl, type ImportRow } from './api.ts';
import { kindInfo } from './kinds.ts';

const count = (n: number) => n.toLocaleString('en-GB');

export function ProvenanceTable({ imports }: { imports: ImportRow[] }) {
  if (imports.length === 0) return <p data-testid="no-imports">No files have been imported yet.</p>;
  return (
    <Table caption="Past imports, newest first" captionSize="s" responsive
      head={[{ text: 'File' }, { text: 'Kind' }, { text: 'SHA-256' }, { text: 'Rows imported', format: 'numeric' }, { text: 'Rows rejected', format: 'numeric' }, { text: 'Who' }, { text: 'When' }]}
      rows={imports.map((r) => ({
        key: r.id,
        cells: [
          { text: <>{r.fileName}{r.orgCode && <span className="nhsuk-hint nhsuk-u-font-size-16 nhsuk-u-margin-bottom-0">for {r.orgCode}</span>}</> },
          { text: kindInfo(r.kind)?.label ?? r.kind },
          { text: <><code title={r.sha256} aria-hidden="true">{r.sha256.slice(0, 12)}…</code><span className="nhsuk-u-visually-hidden">{r.sha256}</span></> },
          { text: count(r.rowsWritten), format: 'numeric' },
          { text: r.hasRejectFile && r.rowsRejected > 0
            ? <>{count(r.rowsRejected)} <a href={rejectsUrl(r.id)} download>download<span className="nhsuk-u-visually-hidden"> the rejected rows of {r.fileName}</span></a></>
            : count(r.rowsRejected), format: 'numeric' },
          { text: r.createdByName ?? r.createdBy ?? 'unknown' },
          { text: formatDateTime(r.createdAt) },
        ],
      }))} />
  );
}
