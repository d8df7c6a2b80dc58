// The audit trail, newest first, for roles with audit:read; the server limits it to what they may see.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listAudit } from '../api/endpoints.ts';
import type { AuditEntry } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { Details } from '../components/Details.tsx';
import { InsetText } from '../components/InsetText.tsx';
import { Input } from '../components/Input.tsx';
import { Table } from '../components/Table.tsx';
import { Page } from '../app/page.tsx';
import { formatDateTime } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { LoadingPage } from './LoadingPage.tsx';
import { ProblemPage } from './ProblemPage.tsx';

const PAGE = 50;

function Change({ entry }: { entry: AuditEntry }) {
  const show = (v: unknown) => (v === null || v === undefined ? 'Nothing' : <pre className="nhsuk-body-s nhsuk-u-margin-bottom-0">{JSON.stringify(v, null, 2)}</pre>);
  if (entry.before == null && entry.after == null) return <>No values recorded</>;
  return (
    <Details summaryText="Before and after">
      <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">Before</h3>
      {show(entry.before)}
      <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1 nhsuk-u-margin-top-3">After</h3>
      {show(entry.after)}
    </Details>
  );
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const object = params.get('object') ?? '';
  const org = params.get('org') ?? '';
  const before = Number(params.get('before')) || undefined;
  const [objectField, setObjectField] = useState(object);
  const [orgField, setOrgField] = useState(org);
  const audit = useApi((api) => listAudit(api, { object: object || undefined, org: org || undefined, before, limit: PAGE }), [object, org, before]);
  if (audit.state === 'error' && audit.error.status !== 400) return <ProblemPage error={audit.error} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    if (objectField.trim()) next.set('object', objectField.trim());
    if (orgField.trim()) next.set('org', orgField.trim().toUpperCase());
    setParams(next);
  }

  const entries = audit.state === 'ready' ? audit.data.entries : [];
  const filterText = [object && `object ${object}`, org && `organisation ${org}`].filter(Boolean).join(' and ');
  return (
    <Page title="Audit trail" loading={audit.state === 'loading'}>
      <h1>Audit trail</h1>
      <p>Every change of state in wcc is recorded here with who made it, when, and the values before and after. Entries cannot be changed or deleted.</p>
      <form noValidate onSubmit={submit} className="wcc-no-print">
        <Input id="object" name="object" label={{ text: 'Object', classes: 'nhsuk-label--s' }} classes="nhsuk-input--width-20"
          hint={{ text: 'A type such as user or organisation-tree, or a type and identifier such as user:1234' }}
          value={objectField} onChange={setObjectField} spellcheck={false} />
        <Input id="org" name="org" label={{ text: 'Organisation code', classes: 'nhsuk-label--s' }} classes="nhsuk-input--width-10"
          value={orgField} onChange={setOrgField} spellcheck={false} />
        <Button text="Filter entries" variant="secondary" />
      </form>
      {audit.state === 'loading' && <LoadingPage />}
      {audit.state === 'error' && <InsetText><p>{audit.error.problem.detail}</p></InsetText>}
      {audit.state === 'ready' && (entries.length === 0
        ? <InsetText><p>No entries{filterText ? ` for ${filterText}` : ''}{before ? ' older than these' : ''}.</p></InsetText>
        : (
          <Table caption={`${before ? 'Older entries' : 'Latest entries'}${filterText ? ` for ${filterText}` : ''}, newest first`} responsive firstCellIsHeader
            head={[{ text: 'When' }, { text: 'Who' }, { text: 'Action' }, { text: 'Object' }, { text: 'Organisation' }, { text: 'Change' }]}
            rows={entries.map((e) => ({
              key: String(e.id),
              cells: [
                { text: <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
                { text: e.actorEmail ?? 'The system' },
                { text: e.action },
                { text: `${e.objectType}: ${e.objectId}` },
                { text: e.orgCode ?? 'None' },
                { text: <Change entry={e} /> },
              ],
            }))} />
        ))}
      {entries.length === PAGE && (
        <Button variant="secondary" text="Show older entries" href={`/audit?${new URLSearchParams({ ...(object ? { object } : {}), ...(org ? { org } : {}), before: String(entries[entries.length - 1]!.id) })}`} />
      )}
    </Page>
  );
}
