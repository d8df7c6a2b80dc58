// Documents attached to your sealed bid: receipts (digest and size, never readable before the deadline,
// not even by you) and the form to attach another while the competition is open.
import { useRef, useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Table } from '../../components/Table.tsx';
import { formErrors, noErrors, type FormErrors } from './form-errors.ts';
import { uploadForm } from './upload.ts';
import { kb, type AttachmentReceipt, type Competition } from './types.ts';

export function BidAttachments({ c, supplierId }: { c: Competition; supplierId: string }) {
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const receipts = useApi((api) => api.request<{ receipts: AttachmentReceipt[] }>('GET', `/procurement/competitions/${c.id}/bids/${supplierId}/attachments`), [c.id, supplierId, version]);
  const file = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const open = c.status === 'tendering' && c.sealed;

  async function attach(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const form = new FormData();
      const f = file.current?.files?.[0];
      if (f) form.set('file', f);
      await uploadForm(`/procurement/competitions/${c.id}/bids/${supplierId}/attachments`, form, session?.csrfToken);
      setErrors(noErrors);
      if (file.current) file.current.value = '';
      setVersion((v) => v + 1);
    } catch (err) {
      setErrors(formErrors(err, { file: ['attachment-file', 'Choose a PDF, DOCX, XLSX, ODT or PNG file of up to 10 MB'] }));
    } finally {
      setBusy(false);
    }
  }
  const list = receipts.state === 'ready' ? receipts.data.receipts : [];
  const fileError = errors.byField['attachment-file'];
  return (
    <section>
      <h3>Documents attached to your bid</h3>
      {errors.summary.length > 0 && <ErrorSummary errorList={errors.summary} />}
      {list.length === 0 ? <p>No documents attached.</p> : (
        <Table caption="Your attachment receipts" head={[{ text: 'Received' }, { text: 'Size' }, { text: 'Receipt (SHA-256)' }]}
          rows={list.map((r) => ({ key: r.id, cells: [{ text: formatDateTime(r.uploadedAt) }, { text: kb(r.sizeBytes) }, { text: <code>{r.digest.slice(0, 16)}…</code> }] }))} />
      )}
      {open && <p>Attachments are sealed with your bid: nobody can open them before the deadline, you included.</p>}
      {open && (
        <form noValidate onSubmit={attach}>
          <div className={`nhsuk-form-group${fileError ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label nhsuk-label--s" htmlFor="attachment-file">Attach a document to your bid</label>
            <div className="nhsuk-hint" id="attachment-file-hint">PDF, DOCX, XLSX, ODT or PNG, up to 10 MB</div>
            {fileError && <ErrorMessage id="attachment-file-error" text={fileError} />}
            <input className="nhsuk-file-upload" id="attachment-file" name="file" type="file" ref={file} aria-describedby={`attachment-file-hint${fileError ? ' attachment-file-error' : ''}`} />
          </div>
          <Button text="Attach the document" variant="secondary" disabled={busy} />
        </form>
      )}
    </section>
  );
}
