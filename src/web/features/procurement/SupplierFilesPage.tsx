// A supplier's framework file: text declarations and uploaded documents (insurance certificate, quality
// accreditation…). The supplier uploads; the supplier and NHS staff download; the server answers 404 to
// any other supplier, shown here as "not found".
import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { formatDateTime } from '../../app/format.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ProblemPage } from '../../pages/ProblemPage.tsx';
import { errorFor, formErrors, noErrors, type FormErrors } from './form-errors.ts';
import { uploadForm } from './upload.ts';
import { kb, supplierIdsOf, type Frameworks, type SupplierDocument, type SupplierFile } from './types.ts';

const fields: Record<string, [string, string]> = {
  frameworkId: ['file-framework', 'Choose a framework you are on'],
  title: ['file-title', 'Enter a title for the document'],
  file: ['file-upload', 'Choose a PDF, DOCX, XLSX, ODT or PNG file of up to 10 MB'],
};

export function SupplierFilesPage() {
  const { supplierId = '' } = useParams();
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const data = useApi(async (api) => ({
    files: await api.request<{ documents: SupplierDocument[]; files: SupplierFile[] }>('GET', `/procurement/suppliers/${encodeURIComponent(supplierId)}/documents`),
    frameworks: await api.request<Frameworks>('GET', '/procurement/frameworks'),
  }), [supplierId, version]);
  const [title, setTitle] = useState('');
  const [frameworkId, setFrameworkId] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  if (data.state === 'loading') return <LoadingPage />;
  if (data.state === 'error') {
    if (data.error.status !== 404) return <ProblemPage error={data.error} />;
    return (
      <Page title="Supplier file not found">
        <BackLink href="/procurement" text="Back to buying support" />
        <h1>Supplier file not found</h1>
        <p data-testid="supplier-refusal">{data.error.problem.detail}</p>
      </Page>
    );
  }
  const { files, frameworks } = data.data;
  const name = frameworks.suppliers.find((s) => s.id === supplierId)?.name ?? supplierId;
  const own = supplierIdsOf(session).includes(supplierId);
  const mine = frameworks.frameworks.filter((f) => f.lots.some((l) => l.supplierIds.includes(supplierId)));
  const chosen = frameworkId || mine[0]?.id || '';

  async function upload(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const form = new FormData();
      form.set('frameworkId', chosen);
      form.set('title', title);
      const f = file.current?.files?.[0];
      if (f) form.set('file', f);
      await uploadForm(`/procurement/suppliers/${encodeURIComponent(supplierId)}/files`, form, session?.csrfToken);
      setErrors(noErrors);
      setTitle('');
      setVersion((v) => v + 1);
    } catch (err) {
      setErrors(formErrors(err, fields));
    } finally {
      setBusy(false);
    }
  }
  const fileError = errorFor(errors, 'file-upload');
  return (
    <Page title={errors.summary.length ? `Error: ${name}: framework documents` : `${name}: framework documents`}>
      <BackLink href="/procurement" text="Back to buying support" />
      {errors.summary.length > 0 && <ErrorSummary errorList={errors.summary} />}
      <span className="nhsuk-caption-l">{supplierId}</span>
      <h1>{name}: framework documents</h1>
      <p>Seen by the supplier itself and by NHS staff (PCTs, SHAs and the national team), never by other suppliers.</p>
      {files.files.length === 0 ? <p>No documents uploaded yet.</p> : (
        <Table caption="Uploaded documents" responsive head={[{ text: 'Document' }, { text: 'Framework' }, { text: 'Uploaded' }, { text: 'Size and checksum' }]}
          rows={files.files.map((f) => ({ key: f.id, cells: [
            { text: <a href={`/api/procurement/supplier-files/${f.id}`}>{f.title} ({f.fileName})</a> }, { text: f.frameworkId },
            { text: formatDateTime(f.uploadedAt) }, { text: <span className="nhsuk-body-s">{kb(f.sizeBytes)}, SHA-256 {f.sha256.slice(0, 12)}…</span> },
          ] }))} />
      )}
      {files.documents.length > 0 && (
        <Table caption="Declarations" responsive head={[{ text: 'Title' }, { text: 'Framework' }, { text: 'Text' }]}
          rows={files.documents.map((d) => ({ key: d.id, cells: [{ text: d.title }, { text: d.frameworkId }, { text: d.body }] }))} />
      )}
      {own && (
        <form noValidate onSubmit={upload}>
          <h2>Upload a document</h2>
          <Select id="file-framework" name="frameworkId" label={{ text: 'Framework', classes: 'nhsuk-label--s' }} items={mine.map((f) => ({ value: f.id, text: f.title }))} value={chosen} onChange={setFrameworkId} errorMessage={errorFor(errors, 'file-framework')} />
          <Input id="file-title" name="title" label={{ text: 'Document title', classes: 'nhsuk-label--s' }} hint={{ text: 'For example, Professional indemnity insurance certificate 2008' }} value={title} onChange={setTitle} errorMessage={errorFor(errors, 'file-title')} />
          <div className={`nhsuk-form-group${fileError ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label nhsuk-label--s" htmlFor="file-upload">File</label>
            <div className="nhsuk-hint" id="file-upload-hint">PDF, DOCX, XLSX, ODT or PNG, up to 10 MB</div>
            {fileError && <ErrorMessage id="file-upload-error" text={fileError.text} />}
            <input className="nhsuk-file-upload" id="file-upload" name="file" type="file" ref={file} aria-describedby={`file-upload-hint${fileError ? ' file-upload-error' : ''}`} />
          </div>
          <Button text="Upload the document" disabled={busy} />
        </form>
      )}
    </Page>
  );
}
