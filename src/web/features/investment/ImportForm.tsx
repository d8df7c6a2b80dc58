// Upload a programme spend, population or outcome CSV; the server checks every row first and writes
// nothing if any is wrong, answering with the line and column of each problem.
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { Select } from '../../components/Select.tsx';
import { useSession } from '../../app/session.tsx';
import { useAction } from './use-action.ts';

const hints: Record<string, string> = {
  spend: 'Columns: org_code, year, programme, spend_gbp',
  population: 'Columns: org_code, year, age_band, sex, population',
  outcomes: 'Columns: indicator_id, org_code, period, value',
};

export function ImportForm() {
  const { api } = useSession();
  const [kind, setKind] = useState('spend');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (!file) return;
    const csv = await file.text();
    const r = await action.run(() => api.request<{ rows: number; orgCodes: string[] }>('POST', `/investment/imports/${kind}`, { fileName: file.name, csv }));
    if (r) setDone(`Imported ${r.rows} rows for ${r.orgCodes.join(', ')}.`);
  }
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="nhsuk-heading-m">Import a file</h2>
      {done && <NotificationBanner type="success" titleText="Success"><p>{done}</p></NotificationBanner>}
      {action.problem && <ErrorSummary errorList={[{ text: action.problem }, ...Object.entries(action.errors).map(([k, v]) => ({ text: `${k}: ${v}` }))]} />}
      <Select id="import-kind" name="kind" label={{ text: 'What the file holds' }} hint={{ text: hints[kind]! }} value={kind} onChange={setKind}
        items={[{ value: 'spend', text: 'Programme spend' }, { value: 'population', text: 'Population by age and sex' }, { value: 'outcomes', text: 'Outcome values' }]} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="import-file">CSV file</label>
        <input className="nhsuk-file-upload" id="import-file" name="file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <Button text="Import" variant="secondary" disabled={action.busy || !file} />
    </form>
  );
}
