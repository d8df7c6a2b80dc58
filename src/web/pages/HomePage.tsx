// The signed-in dashboard: the organisation you act for (with its SHA), your roles there, and the
// parts of the service your permissions open.
import { getOrganisation } from '../api/endpoints.ts';
import type { OrganisationDetail } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { Card } from '../components/Card.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { Page } from '../app/page.tsx';
import { DEFAULT_AS_OF, orgHref } from '../app/as-of.ts';
import { formatDate, orgTypeLabels } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';

interface Task {
  permission: string;
  href: string;
  heading: string;
  description: string;
}

const tasks: Task[] = [
  { permission: 'orgs:read', href: '/orgs', heading: 'Browse organisations', description: 'England, its 10 strategic health authorities and their primary care trusts, on any date.' },
  { permission: 'audit:read', href: '/audit', heading: 'Audit trail', description: 'Who changed what and when, with the values before and after.' },
  { permission: 'users:manage', href: '/users', heading: 'Manage users', description: 'See every account and add people with their roles.' },
  { permission: 'orgs:read', href: '/account', heading: 'Your account', description: 'Your roles and organisations, and your password.' },
];

export function HomePage() {
  const { session, actingFor, can } = useSession();
  const principal = session!.principal!;
  const org = useApi<OrganisationDetail | null>(
    async (api) => (actingFor && (actingFor.orgType === 'pct' || actingFor.orgType === 'sha') ? getOrganisation(api, actingFor.orgCode, DEFAULT_AS_OF) : null),
    [actingFor?.orgCode],
  );
  const detail = org.state === 'ready' ? org.data : null;
  const national = principal.roles.some((r) => !r.orgCode);

  return (
    <Page title="Home" loading={org.state === 'loading'}>
      <span className="nhsuk-caption-l">{principal.displayName}</span>
      <h1>Your World Class Commissioning home</h1>
      <h2 className="nhsuk-heading-m">You are acting for</h2>
      {actingFor ? (
        <SummaryList rows={[
          { key: { text: 'Organisation' }, value: { text: detail ? <AppLink href={orgHref(detail.code, DEFAULT_AS_OF)}>{actingFor.orgName}</AppLink> : actingFor.orgName } },
          { key: { text: 'Code' }, value: { text: actingFor.orgCode } },
          { key: { text: 'Type' }, value: { text: orgTypeLabels[actingFor.orgType ?? ''] ?? 'Organisation' } },
          ...(detail?.parent && detail.parent.type === 'sha'
            ? [{ key: { text: 'Strategic health authority' }, value: { text: <AppLink href={orgHref(detail.parent.code, DEFAULT_AS_OF)}>{detail.parent.name} ({detail.parent.code})</AppLink> } }]
            : []),
          ...(detail && detail.type === 'sha'
            ? [{ key: { text: 'PCTs' }, value: { text: `${detail.children.length} on ${formatDate(DEFAULT_AS_OF)}` } }]
            : []),
          { key: { text: 'Your roles here' }, value: { text: actingFor.roles.map((r) => r.label).join(', ') } },
        ]} />
      ) : (
        <p>{national ? 'The whole of England: your national role covers every SHA and PCT.' : 'No organisation.'}</p>
      )}
      {national && actingFor && <p>Your national role also covers every SHA and PCT in England.</p>}
      <h2 className="nhsuk-heading-m">What you can do</h2>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {tasks.filter((t) => can(t.permission)).map((t) => (
          <li className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={t.href}>
            <Card clickable heading={t.heading} headingLevel={3} href={t.href} description={t.description} />
          </li>
        ))}
      </ul>
    </Page>
  );
}
