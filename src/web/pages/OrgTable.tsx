// A table of organisations with codes, ONS codes, validity dates and successor links.
import type { Organisation } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { Table, type TableCell } from '../components/Table.tsx';
import { orgHref } from '../app/as-of.ts';
import { formatDate, orgTypeLabels } from '../app/format.ts';

export interface OrgTableProps {
  caption: string;
  organisations: Organisation[];
  asOf: string;
  showType?: boolean;
  /** Extra numeric column, e.g. the number of PCTs of each SHA. */
  counts?: { heading: string; of(org: Organisation): number };
}

export function OrgTable({ caption, organisations, asOf, showType, counts }: OrgTableProps) {
  const head: TableCell[] = [
    { text: 'Code' }, { text: 'Name' }, ...(showType ? [{ text: 'Type' }] : []),
    ...(counts ? [{ text: counts.heading, format: 'numeric' as const }] : []),
    { text: 'ONS code' }, { text: 'Valid from' }, { text: 'Valid to' }, { text: 'Replaced by' },
  ];
  const rows = organisations.map((o) => ({
    key: o.code,
    cells: [
      { text: o.code },
      { text: <AppLink href={orgHref(o.code, asOf)}>{o.name}</AppLink> },
      ...(showType ? [{ text: orgTypeLabels[o.type] ?? o.type }] : []),
      ...(counts ? [{ text: counts.of(o), format: 'numeric' as const }] : []),
      { text: o.onsCode ?? 'None' },
      { text: formatDate(o.validFrom) },
      { text: o.validTo ? formatDate(o.validTo) : 'Still open' },
      { text: o.successorCode ? <AppLink href={orgHref(o.successorCode, asOf)}>{o.successorCode}</AppLink> : 'Not replaced' },
    ],
  }));
  return <Table caption={caption} captionSize="m" head={head} rows={rows} firstCellIsHeader responsive />;
}
