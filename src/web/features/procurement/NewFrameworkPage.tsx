// Framework administration, step 1 (national team): a framework's identity, dates, maximum call-off
// length, terms (no direct patient care) and its lots. The server checks everything; its field errors
// are shown in the error summary and beside each field.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { Page } from '../../app/page.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Checkbox } from './Checkbox.tsx';
import { TextArea } from './TextArea.tsx';
import { errorFor, formErrors, noErrors, type FormErrors } from './form-errors.ts';

interface LotRow { code: string; title: string; competencies: string }

const fields: Record<string, [string, string]> = {
  id: ['fw-id', 'Enter an identifier of 2 to 30 capital letters, digits or hyphens, like FESC'],
  title: ['fw-title', 'Enter the framework’s title'],
  buyerName: ['fw-buyer', 'Enter the buyer, for example Department of Health'],
  startsOn: ['fw-starts', 'Enter the start date as YYYY-MM-DD'],
  endsOn: ['fw-ends', 'Enter the end date as YYYY-MM-DD'],
  maxCallOffMonths: ['fw-max', 'Enter the maximum call-off length as a whole number of months from 1 to 120'],
  terms: ['fw-terms', 'The terms must be 20,000 characters or fewer'],
  description: ['fw-description', 'The description must be 5,000 characters or fewer'],
  lots: ['lot-0-code', 'Add at least one lot'],
};
const lotField = (path: string): [string, string] | undefined => {
  const m = /^lots\/(\d+)\/(code|title|competencies)/.exec(path);
  if (!m) return undefined;
  const plain = { code: 'Enter a lot code of letters, digits or hyphens, like AP', title: 'Enter the lot’s service area', competencies: 'Competencies are numbers from 1 to 11, separated by commas' }[m[2] as 'code'];
  return [`lot-${m[1]}-${m[2]}`, `Lot ${Number(m[1]) + 1}: ${plain}`];
};

export function NewFrameworkPage() {
  const { api } = useSession();
  const navigate = useNavigate();
  const [f, setF] = useState({ id: '', title: '', description: '', buyerName: 'Department of Health', startsOn: '', endsOn: '', maxCallOffMonths: '', terms: 'Suppliers give no direct patient care under any call-off.' });
  const [noPatientCare, setNoPatientCare] = useState(true);
  const [lots, setLots] = useState<LotRow[]>([{ code: '', title: '', competencies: '' }]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const setLot = (i: number, k: keyof LotRow) => (v: string) => setLots(lots.map((l, j) => (j === i ? { ...l, [k]: v } : l)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      // Numbers are sent as typed: the server's schema converts "36" and refuses "three years" by field.
      await api.request('POST', '/procurement/frameworks', {
        ...f, id: f.id.trim().toUpperCase(), excludesPatientCare: noPatientCare,
        lots: lots.map((l) => ({ code: l.code.trim(), title: l.title.trim(), description: '', competencies: l.competencies.split(/[\s,]+/).filter(Boolean), supplierIds: [] })),
      });
      navigate(`/procurement/frameworks/${f.id.trim().toUpperCase()}`);
    } catch (err) {
      setErrors(formErrors(err, fields, lotField));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Page title={errors.summary.length ? 'Error: Add a framework' : 'Add a framework'}>
      <BackLink href="/procurement" text="Back to buying support" />
      {errors.summary.length > 0 && <ErrorSummary errorList={errors.summary} />}
      <h1>Add a framework</h1>
      <p>Suppliers are admitted to its lots on the next page. The framework is published as open contracting data (OCDS) when it is added.</p>
      <form noValidate onSubmit={submit}>
        <Input id="fw-id" name="id" label={{ text: 'Identifier', classes: 'nhsuk-label--s' }} hint={{ text: 'Capital letters, digits and hyphens, like FESC' }} value={f.id} onChange={set('id')} errorMessage={errorFor(errors, 'fw-id')} classes="nhsuk-input--width-20" />
        <Input id="fw-title" name="title" label={{ text: 'Title', classes: 'nhsuk-label--s' }} value={f.title} onChange={set('title')} errorMessage={errorFor(errors, 'fw-title')} />
        <TextArea id="fw-description" label="Description (optional)" value={f.description} onChange={set('description')} rows={3} />
        <Input id="fw-buyer" name="buyerName" label={{ text: 'Buyer', classes: 'nhsuk-label--s' }} value={f.buyerName} onChange={set('buyerName')} errorMessage={errorFor(errors, 'fw-buyer')} />
        <Input id="fw-starts" name="startsOn" label={{ text: 'Start date (YYYY-MM-DD)', classes: 'nhsuk-label--s' }} value={f.startsOn} onChange={set('startsOn')} errorMessage={errorFor(errors, 'fw-starts')} classes="nhsuk-input--width-10" />
        <Input id="fw-ends" name="endsOn" label={{ text: 'End date (YYYY-MM-DD)', classes: 'nhsuk-label--s' }} value={f.endsOn} onChange={set('endsOn')} errorMessage={errorFor(errors, 'fw-ends')} classes="nhsuk-input--width-10" />
        <Input id="fw-max" name="maxCallOffMonths" label={{ text: 'Maximum call-off length (months)', classes: 'nhsuk-label--s' }} value={f.maxCallOffMonths} onChange={set('maxCallOffMonths')} inputmode="numeric" errorMessage={errorFor(errors, 'fw-max')} classes="nhsuk-input--width-4" />
        <TextArea id="fw-terms" label="Terms" value={f.terms} onChange={set('terms')} rows={3} />
        <Checkbox id="fw-no-patient-care" label="Suppliers give no direct patient care" hint="Commissioning support only: the PCT stays the commissioner" checked={noPatientCare} onChange={setNoPatientCare} />
        <h2>Lots</h2>
        {lots.map((l, i) => (
          <fieldset className="nhsuk-fieldset" key={i}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Lot {i + 1}</legend>
            <Input id={`lot-${i}-code`} name={`lot-${i}-code`} label={{ text: `Lot ${i + 1} code` }} value={l.code} onChange={setLot(i, 'code')} errorMessage={errorFor(errors, `lot-${i}-code`)} classes="nhsuk-input--width-10" />
            <Input id={`lot-${i}-title`} name={`lot-${i}-title`} label={{ text: `Lot ${i + 1} service area` }} value={l.title} onChange={setLot(i, 'title')} errorMessage={errorFor(errors, `lot-${i}-title`)} />
            <Input id={`lot-${i}-competencies`} name={`lot-${i}-competencies`} label={{ text: `Lot ${i + 1} competencies it helps with` }} hint={{ text: 'Numbers from 1 to 11, separated by commas' }} value={l.competencies} onChange={setLot(i, 'competencies')} errorMessage={errorFor(errors, `lot-${i}-competencies`)} classes="nhsuk-input--width-10" />
          </fieldset>
        ))}
        <Button type="button" variant="secondary" text="Add another lot" onClick={() => setLots([...lots, { code: '', title: '', competencies: '' }])} />
        <Button text="Add the framework" disabled={busy} />
      </form>
    </Page>
  );
}
