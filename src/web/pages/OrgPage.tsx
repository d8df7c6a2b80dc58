// One organisation on a chosen date: breadcrumbs (England › SHA › PCT), its details, parent,
// successor, and the organisations under it.
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { getOrganisation, listOrganisations } from '../api/endpoints.ts';
import type { Organisation, OrganisationDetail } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { InsetText } from '../components/InsetText.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { WarningCallout } from '../components/WarningCallout.tsx';
import { Page } from '../app/page.tsx';
import { asOfFrom, browserHref, DEFAULT_AS_OF, orgHref } from '../app/as-of.ts';
import { formatDate, orgTypeLabels } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { AsOfForm } from './AsOfForm.tsx';
import { LoadingPage } from './LoadingPage.tsx';
import { OrgTable } from './OrgTable.tsx';
import { ProblemPage } from './ProblemPage.tsx';

const childNoun: Record<string, string> = { england: 'strategic health authorities', sha: 'PCTs' };

function existedOn(o: Organisation, asOf: string): boolean {
  return o.validFrom <= asOf && (!o.validTo || o.validTo >= asOf);
}

interface Loaded {
  org: OrganisationDetail;
  grandparent: Organisation | null;
}

export function OrgPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const asOf = asOfFrom(params);
  const loaded = useApi<Loaded>(async (api) => {
    const org = await getOrganisation(api, code, asOf);
    const grandparent = org.parent?.parentCode ? (await listOrganisations(api, { type: 'england', asOf })).organisations[0] ?? null : null;
    return { org, grandparent };
  }, [code, asOf]);

  if (loaded.state === 'error') return <ProblemPage error={loaded.error} />;
  if (loaded.state === 'loading') return <Page title="Organisation" loading><LoadingPage /></Page>;
  const { org, grandparent } = loaded.data;
  const when = formatDate(asOf);

  // England › SHA › PCT: England is the organisation browser's own page.
  const england = org.parent?.type === 'england' ? org.parent : grandparent;
  const trail = [{ href: browserHref(asOf), text: england?.name ?? 'England' }];
  if (org.parent && org.parent.type !== 'england') trail.push({ href: orgHref(org.parent.code, asOf), text: org.parent.name });

  return (
    <Page title={`${org.name} (${org.code})`}>
      {org.type !== 'england' && <Breadcrumb items={trail} />}
      <span className="nhsuk-caption-l">{orgTypeLabels[org.type] ?? org.type} · {org.code}</span>
      <h1>{org.name}</h1>
      {!existedOn(org, asOf) && (
        <WarningCallout heading={`This organisation did not exist on ${when}`}>
          <p>
            It existed from {formatDate(org.validFrom)}{org.validTo ? ` to ${formatDate(org.validTo)}` : ''}.
            {org.successor && <> It was replaced by <AppLink href={orgHref(org.successor.code, asOf)}>{org.successor.name} ({org.successor.code})</AppLink>.</>}
          </p>
        </WarningCallout>
      )}
      <SummaryList rows={[
        { key: { text: 'ODS code' }, value: { text: org.code } },
        { key: { text: 'Type' }, value: { text: orgTypeLabels[org.type] ?? org.type } },
        { key: { text: 'ONS code' }, value: { text: org.onsCode ?? 'None' } },
        { key: { text: 'Valid from' }, value: { text: formatDate(org.validFrom) } },
        { key: { text: 'Valid to' }, value: { text: org.validTo ? formatDate(org.validTo) : 'Still open' } },
        { key: { text: 'Part of' }, value: { text: org.parent ? <AppLink href={org.parent.type === 'england' ? browserHref(asOf) : orgHref(org.parent.code, asOf)}>{org.parent.name} ({org.parent.code})</AppLink> : `Nothing on ${when}` } },
        {
          key: { text: 'Replaced by' },
          value: { text: org.successor ? <AppLink href={orgHref(org.successor.code, asOf)}>{org.successor.name} ({org.successor.code}) from {formatDate(org.successor.validFrom)}</AppLink> : 'Not replaced' },
        },
      ]} />
      {childNoun[org.type] && (org.children.length
        ? <OrgTable caption={`${org.children.length} ${childNoun[org.type]} in ${org.name} on ${when}`} organisations={org.children} asOf={asOf} />
        : <InsetText><p>{org.name} had no {childNoun[org.type]} on {when}.</p></InsetText>)}
      <h2 className="nhsuk-heading-m">See another date</h2>
      <AsOfForm key={asOf} asOf={asOf} onSubmit={(v) => navigate(`/orgs/${encodeURIComponent(org.code)}${v.asOf === DEFAULT_AS_OF ? '' : `?asOf=${v.asOf}`}`)} />
    </Page>
  );
}
