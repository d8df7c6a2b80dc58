// The organisation tree on a chosen date: England, its SHAs with their number of PCTs, or the
// organisations matching a search. Public reference data, so no sign-in is needed.
import { useSearchParams } from 'react-router-dom';
import { listOrganisations } from '../api/endpoints.ts';
import type { Organisation } from '../api/types.ts';
import { InsetText } from '../components/InsetText.tsx';
import { Page } from '../app/page.tsx';
import { asOfFrom, DEFAULT_AS_OF } from '../app/as-of.ts';
import { formatDate } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { AsOfForm } from './AsOfForm.tsx';
import { LoadingPage } from './LoadingPage.tsx';
import { OrgTable } from './OrgTable.tsx';
import { ProblemPage } from './ProblemPage.tsx';

interface Tree {
  england: Organisation[];
  shas: Organisation[];
  pcts: Organisation[];
  matches: Organisation[] | null;
}

export function OrgBrowserPage() {
  const [params, setParams] = useSearchParams();
  const asOf = asOfFrom(params);
  const q = params.get('q')?.trim() ?? '';
  const tree = useApi<Tree>(async (api) => {
    const [england, shas, pcts, matches] = await Promise.all([
      listOrganisations(api, { type: 'england', asOf }),
      listOrganisations(api, { type: 'sha', asOf }),
      listOrganisations(api, { type: 'pct', asOf }),
      q ? listOrganisations(api, { asOf, q }) : null,
    ]);
    return { england: england.organisations, shas: shas.organisations, pcts: pcts.organisations, matches: matches?.organisations ?? null };
  }, [asOf, q]);

  if (tree.state === 'error' && tree.error.status !== 400) return <ProblemPage error={tree.error} />;
  const when = formatDate(asOf);
  const title = q ? `Organisations matching “${q}”` : 'Organisations';

  return (
    <Page title={title} loading={tree.state === 'loading'}>
      <span className="nhsuk-caption-l">On {when}</span>
      <h1>{title}</h1>
      <p>England is divided into strategic health authorities (SHAs), and each SHA into primary care trusts (PCTs). Organisations change over time – for example, Hertfordshire's two PCTs merged in April 2010 – so choose the date you want to see.</p>
      <AsOfForm key={`${asOf}|${q}`} asOf={asOf} q={q} withSearch onSubmit={(v) => {
        const next = new URLSearchParams();
        if (v.asOf !== DEFAULT_AS_OF) next.set('asOf', v.asOf);
        if (v.q) next.set('q', v.q);
        setParams(next);
      }} />
      {tree.state === 'loading' && <LoadingPage />}
      {tree.state === 'error' && <InsetText><p>{tree.error.problem.detail}</p></InsetText>}
      {tree.state === 'ready' && (() => {
        const { england, shas, pcts, matches } = tree.data;
        if (matches) {
          return matches.length
            ? <OrgTable caption={`${matches.length} ${matches.length === 1 ? 'organisation matches' : 'organisations match'} “${q}” on ${when}`} organisations={matches} asOf={asOf} showType />
            : <InsetText><p>No organisation matching “{q}” existed on {when}. Check the spelling, search for part of the name, or choose another date.</p></InsetText>;
        }
        const pctCount = (sha: Organisation) => pcts.filter((p) => p.parentCode === sha.code).length;
        return (
          <>
            <p className="nhsuk-body-l">
              {england[0]?.name ?? 'England'}: {shas.length} SHAs and {pcts.length} PCTs on {when}.
            </p>
            <OrgTable caption={`Strategic health authorities on ${when}`} organisations={shas} asOf={asOf}
              counts={{ heading: 'PCTs', of: pctCount }} />
          </>
        );
      })()}
    </Page>
  );
}
