// Share and build: support matched to your PCT's weakest competencies, the good-practice library with
// full-text search, events with registration, and your action learning sets.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { Page } from '../../app/page.tsx';
import { formatDateTime } from '../../app/format.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Table } from '../../components/Table.tsx';
import { ActionError } from '../procurement/ActionError.tsx';
import { useAction } from '../procurement/use-action.ts';

interface CaseStudy { id: string; title: string; summary: string; outcome: string; setting: string; competencies: number[]; pctName: string }
interface Event { id: string; title: string; venue: string; startsAt: string; placesLeft: number; youAreRegistered: boolean }
interface Recs { year: string; source: string; weakest: number[]; lots: { id: string; title: string; addresses: number[] }[]; caseStudies: { id: string; title: string }[]; events: { id: string; title: string }[]; learningSets: { id: string; title: string }[] }

export function SupportPage() {
  const { api, actingFor } = useSession();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [v, setV] = useState(0);
  const a = useAction(() => setV(v + 1));
  const pct = actingFor?.orgType === 'pct' ? actingFor.orgCode : null;
  const data = useApi(async (x) => ({
    cases: (await x.request<{ caseStudies: CaseStudy[] }>('GET', `/support/case-studies${query ? `?q=${encodeURIComponent(query)}` : ''}`)).caseStudies,
    events: (await x.request<{ events: Event[] }>('GET', '/support/events')).events,
    sets: (await x.request<{ learningSets: { id: string; title: string; pctCodes: string[] }[] }>('GET', '/support/learning-sets')).learningSets,
    recs: pct ? await x.request<Recs>('GET', `/support/recommendations/${pct}`).catch(() => null) : null,
  }), [query, v, pct]);
  const search = (e: FormEvent) => { e.preventDefault(); setQuery(q); };
  return (
    <Page title="Share and build">
      <h1>Share and build</h1>
      <ActionError error={a.error} />
      {data.state === 'ready' && data.data.recs && (
        <section>
          <h2>Support for your weakest competencies</h2>
          <p>From {data.data.recs.year} competency scores{data.data.recs.source === 'support_demo' ? ' (demonstration scores until the assurance cycle provides them)' : ''}: competencies {data.data.recs.weakest.join(', ')}.</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {data.data.recs.lots.map((l) => <li key={l.id}>Framework lot {l.id}: {l.title} (competencies {l.addresses.join(', ')})</li>)}
            {data.data.recs.caseStudies.map((c) => <li key={c.id}>Case study: {c.title}</li>)}
            {data.data.recs.events.map((e) => <li key={e.id}>Event: {e.title}</li>)}
            {data.data.recs.learningSets.map((s) => <li key={s.id}>Action learning set: {s.title}</li>)}
          </ul>
        </section>
      )}
      <h2>Good-practice library</h2>
      <form noValidate onSubmit={search}>
        <Input id="library-search" name="q" label={{ text: 'Search case studies', classes: 'nhsuk-label--s' }} hint={{ text: 'Words, "a phrase", or -word to leave out' }} value={q} onChange={setQ} />
        <Button text="Search" variant="secondary" />
      </form>
      {data.state === 'ready' && (data.data.cases.length === 0 ? <p>No case studies match.</p> : data.data.cases.map((c) => (
        <div key={c.id} className="nhsuk-card"><div className="nhsuk-card__content">
          <h3 className="nhsuk-card__heading">{c.title}</h3>
          <p className="nhsuk-card__description">{c.summary} <strong>Outcome:</strong> {c.outcome} ({c.pctName}; {c.setting}; competencies {c.competencies.join(', ')})</p>
        </div></div>
      )))}
      {data.state === 'ready' && (
        <Table caption="Events and workshops" head={[{ text: 'Event' }, { text: 'When' }, { text: 'Where' }, { text: 'Places left', format: 'numeric' }, { text: 'Registration' }]}
          rows={data.data.events.map((e) => ({ key: e.id, cells: [{ text: e.title }, { text: formatDateTime(e.startsAt) }, { text: e.venue }, { text: String(e.placesLeft), format: 'numeric' },
            { text: e.youAreRegistered ? 'Registered' : e.placesLeft > 0 ? <Button text={`Register for ${e.title}`} small variant="secondary" type="button" onClick={() => void a.run(() => api.request('POST', `/support/events/${e.id}/registrations`))} /> : 'Full' }] }))} />
      )}
      <h2>Your action learning sets</h2>
      {data.state === 'ready' && (data.data.sets.length === 0 ? <p>You are not in an action learning set.</p> : (
        <ul className="nhsuk-list">{data.data.sets.map((s) => <li key={s.id}><AppLink href={`/procurement/support/learning-sets/${s.id}`}>{s.title}</AppLink> ({s.pctCodes.join(', ')})</li>)}</ul>
      ))}
    </Page>
  );
}
