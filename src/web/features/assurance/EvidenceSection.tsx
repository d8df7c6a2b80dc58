// Evidence documents: the list with checksums and downloads, confirming carried-forward ones, and uploading
// (multipart, with the CSRF header: the server checks the type by content, the size and the checksum).
import { useRef, useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { ApiError } from '../../api/client.ts';
import { assuranceApi, type Framework, type SelfAssessment } from './api.ts';
import { ActionOutcome, useAction } from './shared.tsx';

export function EvidenceSection({ cycle, sa, f, canEdit, onChange }: { cycle: string; sa: SelfAssessment; f: Framework; canEdit: boolean; onChange(): void }) {
  const { api, session } = useSession();
  const action = useAction();
  const [docType, setDocType] = useState(f.documentTypes[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [subs, setSubs] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const titles = Object.fromEntries(f.documentTypes.map((d) => [d.id, d.title]));
  async function upload() {
    const chosen = file.current?.files?.[0];
    if (!chosen) throw new ApiError({ type: 'about:blank', title: 'No file', status: 400, detail: 'Choose a file to upload.' });
    const form = new FormData();
    form.set('documentType', docType); form.set('title', title); form.set('subCriteria', subs); form.set('file', chosen);
    const res = await fetch(`/api/assurance/cycles/${cycle}/pcts/${sa.orgCode}/evidence`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': session?.csrfToken ?? '' } });
    if (!res.ok) throw new ApiError({ type: 'about:blank', title: 'Upload refused', status: res.status, ...(await res.json()) });
    return res.json();
  }
  return (
    <section>
      <h2>Evidence</h2>
      {sa.missingDocuments.length > 0 && <p>Expected documents not yet provided: {sa.missingDocuments.map((d) => titles[d] ?? d).join(', ')}.</p>}
      <ActionOutcome action={action} />
      {sa.evidence.length > 0 && <Table caption="Documents" responsive head={[{ text: 'Document' }, { text: 'Type' }, { text: 'Sub-criteria' }, { text: 'Size and checksum' }, { text: 'Status' }]}
        rows={sa.evidence.map((e) => ({ key: e.id, cells: [
          { text: <a href={`/api/assurance/evidence/${e.id}/download`}>{e.title} ({e.fileName})</a> }, { text: titles[e.documentType] ?? e.documentType },
          { text: e.subCriteria.join(', ') || '–' }, { text: <span className="nhsuk-body-s">{(e.sizeBytes / 1024).toFixed(1)} KB, SHA-256 {e.sha256.slice(0, 12)}…</span> },
          { text: e.needsReview ? <>
            <Tag text="Carried forward: review" colour="yellow" />
            {canEdit && <Button small variant="secondary" text={`Confirm ${e.title}`} onClick={async () => { if (await action.run(() => assuranceApi.evidenceChange(api, e.id, 'confirm'))) onChange(); }} />}
          </> : <Tag text="Current" colour="green" /> }] }))} />}
      {canEdit && (
        <form noValidate onSubmit={async (e) => { e.preventDefault(); if (await action.run(upload, 'Document uploaded.')) { setTitle(''); setSubs(''); onChange(); } }}>
          <h3>Upload a document</h3>
          <Select id="evidence-type" name="documentType" label={{ text: 'Document type' }} items={f.documentTypes.map((d) => ({ value: d.id, text: d.title }))} value={docType} onChange={setDocType} />
          <Input id="evidence-title" name="title" label={{ text: 'Title' }} value={title} onChange={setTitle} />
          <Input id="evidence-subs" name="subCriteria" label={{ text: 'Sub-criteria it supports' }} hint={{ text: 'For example 5.1, 5.2' }} value={subs} onChange={setSubs} classes="nhsuk-input--width-20" />
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="evidence-file">File</label>
            <div className="nhsuk-hint" id="evidence-file-hint">PDF, DOCX, XLSX, ODT, CSV or PNG, up to 20 MB</div>
            <input className="nhsuk-file-upload" id="evidence-file" name="file" type="file" ref={file} aria-describedby="evidence-file-hint" />
          </div>
          <Button type="submit" text="Upload document" variant="secondary" disabled={action.busy} />
        </form>
      )}
    </section>
  );
}
