// 360° results by competency and stakeholder group, with last year's overall mean beside them. Groups the
// server withheld (fewer than the minimum answered) show as withheld, never as a number.
import { Table } from '../../components/Table.tsx';
import type { Framework, SurveyResults } from './api.ts';

export function SurveyResultsTable({ r, f }: { r: SurveyResults; f: Framework }) {
  const groups = f.survey.stakeholderGroups;
  const cell = (s: { suppressed: boolean; mean: number | null; respondents: number } | undefined) =>
    !s || s.respondents === 0 ? '–' : s.suppressed ? `Withheld (fewer than ${r.minimumGroupSize})` : `${s.mean?.toFixed(2) ?? '–'} (${s.respondents})`;
  return (
    <Table caption="360° survey: mean agreement (1–5) by competency and group, respondents in brackets" responsive firstCellIsHeader
      head={[{ text: 'Competency' }, { text: 'All' }, ...groups.map((g) => ({ text: g.title })), { text: 'All, last year' }]}
      rows={r.current.competencies.map((c) => ({ key: String(c.competency), cells: [
        { text: `${c.competency}. ${c.title}` }, { text: cell(c.results.find((x) => x.group === 'all')) },
        ...groups.map((g) => ({ text: cell(c.results.find((x) => x.group === g.id)) })),
        { text: cell(r.previous?.competencies.find((p) => p.competency === c.competency)?.results.find((x) => x.group === 'all')) }] }))} />
  );
}
