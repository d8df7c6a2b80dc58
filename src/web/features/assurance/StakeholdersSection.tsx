// Stakeholders for the 360° survey: who is on the list and whether they have answered (never what), and
// adding people — each gets a one-time link, shown here once, to send them.
import { useState } from 'react';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { Input } from '../../components/Input.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { assuranceApi, type Framework } from './api.ts';
import { ActionOutcome, useAction } from './shared.tsx';

export function StakeholdersSection({ cycle, orgCode, f }: { cycle: string; orgCode: string; f: Framework }) {
  const { api, can } = useSession();
  const [version, setVersion] = useState(0);
  const list = useApi((a) => assuranceApi.stakeholders(a, cycle, orgCode), [cycle, orgCode, version]);
  const groups = f.survey.stakeholderGroups;
  const [person, setPerson] = useState({ name: '', email: '', group: groups[0]?.id ?? '' });
  const [links, setLinks] = useState<{ name: string; token: string }[]>([]);
  const action = useAction();
  const title = Object.fromEntries(groups.map((g) => [g.id, g.title]));
  const mayAdd = can('assurance:self-assess') || can('assurance:run');
  return (
    <section>
      <h2>360° stakeholder survey</h2>
      {list.state === 'ready' && <Table caption="Stakeholders" head={[{ text: 'Name' }, { text: 'Group' }, { text: 'Answered' }]}
        rows={list.data.stakeholders.map((s) => ({ key: s.id, cells: [{ text: `${s.name} (${s.email})` }, { text: title[s.group] ?? s.group }, { text: s.responded ? 'Yes' : 'Not yet' }] }))} />}
      <ActionOutcome action={action} />
      {links.length > 0 && (
        <div className="nhsuk-inset-text">
          <p>Send each person their own link. It works once and needs no account. It is shown only now.</p>
          <ul>{links.map((l) => <li key={l.token}>{l.name}: <a href={`/survey/${l.token}`} className="survey-link">{`${location.origin}/survey/${l.token}`}</a></li>)}</ul>
        </div>
      )}
      {mayAdd && (
        <form noValidate onSubmit={async (e) => {
          e.preventDefault();
          const r = await action.run(() => assuranceApi.addStakeholders(api, cycle, orgCode, [person]), `${person.name} added.`);
          if (r) { setLinks([...links, ...r.stakeholders]); setPerson({ ...person, name: '', email: '' }); setVersion((v) => v + 1); }
        }}>
          <h3>Add a stakeholder</h3>
          <Input id="stakeholder-name" name="name" label={{ text: 'Name' }} value={person.name} onChange={(v) => setPerson({ ...person, name: v })} />
          <Input id="stakeholder-email" name="email" type="email" label={{ text: 'Email address' }} value={person.email} onChange={(v) => setPerson({ ...person, email: v })} />
          <Select id="stakeholder-group" name="group" label={{ text: 'Stakeholder group' }} items={groups.map((g) => ({ value: g.id, text: g.title }))} value={person.group} onChange={(v) => setPerson({ ...person, group: v })} />
          <Button type="submit" text="Add stakeholder" variant="secondary" disabled={action.busy} />
        </form>
      )}
    </section>
  );
}
