// NHS.UK table with a caption and scoped headers; `responsive` stacks rows on small screens with
// each cell's heading repeated (hidden from assistive technology, which reads the real headers).
import type { ReactNode } from 'react';

export interface TableCell {
  text: ReactNode;
  format?: 'numeric';
}

export interface TableProps {
  caption: string;
  captionSize?: 's' | 'm' | 'l';
  head: TableCell[];
  rows: { key: string; cells: TableCell[] }[];
  firstCellIsHeader?: boolean;
  responsive?: boolean;
  classes?: string;
}

export function Table({ caption, captionSize = 'm', head, rows, firstCellIsHeader, responsive, classes }: TableProps) {
  const tableClass = ['nhsuk-table', responsive && 'nhsuk-table--responsive', classes].filter(Boolean).join(' ');
  const r = responsive ? (role: string) => ({ role }) : () => ({});
  const heading = (i: number) => responsive
    ? <span className="nhsuk-table__heading" aria-hidden="true">{head[i]?.text} </span>
    : null;
  const numeric = (c: TableCell) => (c.format === 'numeric' ? ' nhsuk-table__cell--numeric' : '');
  return (
    <table className={tableClass} {...r('table')}>
      <caption className={`nhsuk-table__caption nhsuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="nhsuk-table__head" {...r('rowgroup')}>
        <tr className="nhsuk-table__row" {...r('row')}>
          {head.map((h, i) => (
            <th className={`nhsuk-table__header${h.format === 'numeric' ? ' nhsuk-table__header--numeric' : ''}`} scope="col" key={i} {...r('columnheader')}>{h.text}</th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr className="nhsuk-table__row" key={row.key} {...r('row')}>
            {row.cells.map((c, i) => (i === 0 && firstCellIsHeader
              ? <th className={`nhsuk-table__header${numeric(c)}`} scope="row" key={i} {...r('rowheader')}>{heading(i)}{c.text}</th>
              : <td className={`nhsuk-table__cell${numeric(c)}`} key={i} {...r('cell')}>{heading(i)}{c.text}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
