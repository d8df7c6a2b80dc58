// Choose which of your organisations you act for; remembered for this browser tab (sessionStorage).
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { BackLink } from '../components/BackLink.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios } from '../components/Radios.tsx';
import { Page } from '../app/page.tsx';
import { useSession } from '../app/session.tsx';

export function ActForPage() {
  const { organisations, actingFor, setActingFor } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [choice, setChoice] = useState(actingFor?.orgCode ?? '');
  const [error, setError] = useState<string | null>(null);
  const next = params.get('next');
  const back = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!organisations.some((o) => o.orgCode === choice)) {
      setError('Select the organisation you want to act for');
      return;
    }
    setActingFor(choice);
    navigate(back);
  }

  return (
    <Page title={error ? 'Error: Which organisation are you acting for?' : 'Which organisation are you acting for?'}>
      <BackLink href={back} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {error && <ErrorSummary errorList={[{ href: '#act-for', text: error }]} />}
          <form noValidate onSubmit={submit}>
            <Radios idPrefix="act-for" name="actFor" value={choice} onChange={setChoice}
              fieldset={{ legend: { text: 'Which organisation are you acting for?', classes: 'nhsuk-fieldset__legend--l', isPageHeading: true } }}
              hint={{ text: 'You hold roles for more than one organisation. The header shows the one you choose.' }}
              errorMessage={error ? { text: error } : null}
              items={organisations.map((o) => ({ value: o.orgCode, text: `${o.orgName} (${o.orgCode})`, hint: { text: o.roles.map((r) => r.label).join(', ') } }))} />
            <Button text="Continue" />
          </form>
        </div>
      </div>
    </Page>
  );
}
