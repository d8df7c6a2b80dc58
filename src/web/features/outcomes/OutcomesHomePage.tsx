// /outcomes: where health outcomes start — your organisation's profile and outcomes, the SHA and
// national dashboards, and every SHA's profile.
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { listOrganisations } from '../../api/endpoints.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Card } from '../../components/Card.tsx';

export function OutcomesHomePage() {
  const { actingFor, session } = useSession();
  const shas = useApi((api) => listOrganisations(api, { type: 'sha', asOf: '2009-04-01' }), []);
  const org = actingFor?.orgCode;
  const isSha = actingFor?.orgType === 'sha';
  return (
    <Page title="Health outcomes">
      <h1>Health outcomes</h1>
      <p>How healthy is the population, how does it compare, where are the inequalities, which outcomes are committed to, and are they on track?</p>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {org && <li className="nhsuk-grid-column-one-half nhsuk-card-group__item"><Card clickable href={`/areas/${org}`} heading={`${actingFor!.orgName}: health profile`} description="Every indicator against England, the SHA or statistical peers." /></li>}
        {org && !isSha && <li className="nhsuk-grid-column-one-half nhsuk-card-group__item"><Card clickable href={`/orgs/${org}/outcomes`} heading="Local outcomes and trajectories" description="Choose outcomes, set stretch targets, submit to the SHA." /></li>}
        {org && isSha && <li className="nhsuk-grid-column-one-half nhsuk-card-group__item"><Card clickable href={`/outcomes/sha/${org}`} heading="PCT selections and progress" description="Review, return or approve your PCTs' outcomes." /></li>}
        {session?.principal && <li className="nhsuk-grid-column-one-half nhsuk-card-group__item"><Card clickable href="/outcomes/national" heading="National progress" description="Outcomes chosen most often and how many PCTs are on track." /></li>}
        <li className="nhsuk-grid-column-one-half nhsuk-card-group__item"><Card clickable href="/areas/ENG" heading="England" description="England's profile and the heatmap of all 152 PCTs." /></li>
      </ul>
      <h2>Strategic health authorities</h2>
      {shas.state === 'ready' && <ul className="nhsuk-list">{shas.data.organisations.map((o) => <li key={o.code}><AppLink href={`/areas/${o.code}`}>{o.name} ({o.code})</AppLink></li>)}</ul>}
    </Page>
  );
}
