// The "as of date" control of the organisation pages, with an optional search box: a GET-style form
// that writes its answers into the address, so every view can be bookmarked and shared.
import { useState, type FormEvent } from 'react';
import { Button } from '../components/Button.tsx';
import { DateInput, type DateParts } from '../components/DateInput.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Input } from '../components/Input.tsx';
import { isoFromParts } from '../app/format.ts';

export interface AsOfFormProps {
  asOf: string;
  q?: string;
  withSearch?: boolean;
  onSubmit(values: { asOf: string; q: string }): void;
}

function partsOf(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export function AsOfForm({ asOf, q = '', withSearch, onSubmit }: AsOfFormProps) {
  const [date, setDate] = useState<DateParts>(partsOf(asOf));
  const [query, setQuery] = useState(q);
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const iso = isoFromParts(date.day, date.month, date.year);
    if (!iso) {
      setError('Enter a real date, for example 1 4 2009');
      return;
    }
    setError(null);
    onSubmit({ asOf: iso, q: query.trim() });
  }

  return (
    <form noValidate onSubmit={submit} className="wcc-no-print">
      {error && <ErrorSummary errorList={[{ href: '#as-of-day', text: error }]} />}
      <DateInput id="as-of" fieldset={{ legend: { text: 'Show organisations as they were on', classes: 'nhsuk-fieldset__legend--s' } }}
        hint={{ text: 'For example, 1 4 2009. World Class Commissioning ran from 2008 to 2011.' }}
        errorMessage={error ? { text: error } : null} value={date} onChange={setDate} />
      {withSearch && (
        <Input id="q" name="q" type="search" label={{ text: 'Search by name or code (optional)', classes: 'nhsuk-label--s' }}
          hint={{ text: 'For example, Barking or 5C2' }} value={query} onChange={setQuery} classes="nhsuk-u-width-two-thirds" autocomplete="off" />
      )}
      <Button text={withSearch ? 'Show organisations' : 'Change date'} variant="secondary" />
    </form>
  );
}
