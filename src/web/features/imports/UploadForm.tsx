// The upload form: the kind (each with what it holds and the format expected), the file, the options
// that kind takes, and for PCT analysts the PCT the import is for. The server decides what is allowed
// and what is valid; its refusals and field errors come back into the error summary.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { useSession } from '../../app/session.tsx';
import { uploadImport } from './api.ts';
import { importKinds, kindInfo } from './kinds.ts';
import { ProgressBar } from './ProgressBar.tsx';

/** Where the server names a field, the id of the control that sets it. */
const fieldIds: Record<string, string> = { kind: 'kind', file: 'file', mapping: 'mapping', indicatorId: 'indicatorId', imdYear: 'imdYear', orgCode: 'orgCode' };

export function UploadForm({ onStarted }: { onStarted(jobId: string, fileName: string): void }) {
  const { session, organisations, actingFor } = useSession();
  const national = !!session?.principal?.roles.some((r) => r.orgCode === null);
  const pcts = organisations.filter((o) => o.orgType === 'pct');
  const orgItems = [...(national ? [{ value: '', text: 'England (a national import)' }] : []),
    ...pcts.map((o) => ({ value: o.orgCode, text: `${o.orgName} (${o.orgCode})` }))];
  const [kind, setKind] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [mapping, setMapping] = useState('');
  const [indicatorId, setIndicatorId] = useState('');
  const [imdYear, setImdYear] = useState('');
  const [orgCode, setOrgCode] = useState(() => (national ? '' : (pcts.find((o) => o.orgCode === actingFor?.orgCode) ?? pcts[0])?.orgCode ?? ''));
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const info = kindInfo(kind);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!info) missing.kind = 'Choose what the file holds';
    if (!file) missing.file = 'Choose a file to import';
    if (imdYear.trim() && !/^\d{4}$/.test(imdYear.trim())) missing.imdYear = 'Enter the IMD year as four digits, for example 2007';
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length > 0 || !file || !info) return;
    setUploaded(0);
    try {
      const { jobId } = await uploadImport({
        kind, file, skipInvalid,
        mapping: info.options.includes('mapping') ? mapping : undefined,
        indicatorId: info.options.includes('mapping') ? indicatorId : undefined,
        imdYear: info.options.includes('imdYear') ? imdYear : undefined,
        orgCode: orgCode || undefined,
      }, session?.csrfToken ?? null, setUploaded);
      onStarted(jobId, file.name);
    } catch (err) {
      setUploaded(null);
      const apiError = err instanceof ApiError ? err : null;
      setProblem(apiError?.message ?? String(err));
      setErrors(apiError?.fieldErrors() ?? {});
    }
  }

  const summary = [
    ...(problem ? [{ text: problem }] : []),
    ...Object.entries(errors).map(([field, text]) => ({ text: problem ? `${field}: ${text}` : text, href: fieldIds[field] ? `#${fieldIds[field]}` : undefined })),
  ];
  const busy = uploaded !== null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a file</h2>
      {summary.length > 0 && <ErrorSummary errorList={summary} />}
      <Radios idPrefix="kind" name="kind" fieldset={{ legend: { text: 'What does the file hold?', classes: 'nhsuk-fieldset__legend--s' } }}
        errorMessage={errors.kind && !problem ? { text: errors.kind } : null} value={kind} onChange={setKind}
        items={importKinds.map((k) => ({ value: k.kind, text: k.label, hint: { text: `${k.description} ${k.format}${k.format.endsWith("…") ? "" : "."}` } }))} />

      <div className={`nhsuk-form-group nhsuk-file-upload${errors.file ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor="file">File</label>
        <div className="nhsuk-hint" id="file-hint">A CSV file (any delimiter), or Parquet for HES, up to 4 GB. The whole file is checked before anything is written.</div>
        {errors.file && <ErrorMessage id="file-error" text={errors.file} />}
        <input className={`nhsuk-file-upload__input${errors.file ? ' nhsuk-file-upload__input--error' : ''}`} id="file" name="file" type="file"
          accept=".csv,.txt,.tsv,.parquet,text/csv" aria-describedby={['file-hint', errors.file && 'file-error'].filter(Boolean).join(' ')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>

      {info?.options.includes('mapping') && (
        <>
          <div className={`nhsuk-form-group${errors.mapping ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label nhsuk-label--s" htmlFor="mapping">Column mapping</label>
            <div className="nhsuk-hint" id="mapping-hint">
              Which column holds each field, as field=column pairs separated by commas, for example
              area_code=area_code,period=period,value=rate. A constant is written field="text"; suffix a field with .male, .female or
              .persons to read a wide file.
            </div>
            {errors.mapping && <ErrorMessage id="mapping-error" text={errors.mapping} />}
            <textarea className={`nhsuk-textarea${errors.mapping ? ' nhsuk-textarea--error' : ''}`} id="mapping" name="mapping" rows={4} value={mapping}
              spellCheck={false} onChange={(e) => setMapping(e.target.value)} aria-describedby={['mapping-hint', errors.mapping && 'mapping-error'].filter(Boolean).join(' ')} />
          </div>
          <Input id="indicatorId" name="indicatorId" label={{ text: 'Indicator ID (optional)', classes: 'nhsuk-label--s' }}
            hint={{ text: 'Used for every row when the file has no indicator column, for example apho_obese_adults.' }}
            errorMessage={errors.indicatorId ? { text: errors.indicatorId } : null} value={indicatorId} onChange={setIndicatorId} spellcheck={false} />
        </>
      )}
      {info?.options.includes('imdYear') && (
        <Input id="imdYear" name="imdYear" label={{ text: 'IMD year (optional)', classes: 'nhsuk-label--s' }} inputmode="numeric" classes="nhsuk-input--width-4"
          hint={{ text: 'Needed when the file name does not say the year, as imd2007_… or imd2010_… do.' }}
          errorMessage={errors.imdYear ? { text: errors.imdYear } : null} value={imdYear} onChange={setImdYear} />
      )}

      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id="skipInvalid" name="skipInvalid" type="checkbox" checked={skipInvalid}
              aria-describedby="skipInvalid-item-hint" onChange={(e) => setSkipInvalid(e.target.checked)} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="skipInvalid">Skip invalid rows and keep a reject file</label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="skipInvalid-item-hint">
              The valid rows are imported and the rejected ones, each with its errors, can be downloaded. Without this, one invalid row stops the import and nothing is written.
            </div>
          </div>
        </div>
      </div>

      {orgItems.length > 1 || (orgItems.length === 1 && !national) ? (
        <Select id="orgCode" name="orgCode" label={{ text: 'Import for', classes: 'nhsuk-label--s' }}
          hint={{ text: 'A PCT analyst imports for their own PCT.' }} errorMessage={errors.orgCode ? { text: errors.orgCode } : null}
          items={orgItems} value={orgCode} onChange={setOrgCode} />
      ) : null}

      {busy
        ? <ProgressBar label={`Uploading ${file?.name ?? 'the file'}`} percent={Math.round((uploaded ?? 0) * 100)} phase="uploading" />
        : <Button text="Upload and import" />}
    </form>
  );
}
