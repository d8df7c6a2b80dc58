// A selection read-only: each outcome with baseline, target, basis, shape, milestones and rationale.
import { Table } from '../../components/Table.tsx';
import type { SelectionRow } from './api.ts';
import { basisLabels, fmt } from './format.ts';

export function SelectionSummary({ selection, title }: { selection: SelectionRow; title(id: string): string }) {
  const years = (selection.choices[0]?.milestones.length ?? 1) - 1;
  return (
    <Table caption={`Chosen outcomes and trajectories (${selection.status})`} responsive firstCellIsHeader
      head={[{ text: 'Outcome' }, { text: 'Baseline', format: 'numeric' }, { text: 'Target', format: 'numeric' }, { text: 'Basis' }, { text: 'Shape' },
        ...Array.from({ length: years }, (_, t) => ({ text: `Year ${t + 1}`, format: 'numeric' as const })), { text: 'Rationale' }]}
      rows={selection.choices.map((c) => ({
        key: c.indicatorId,
        cells: [{ text: `${title(c.indicatorId)}${c.mandated ? ' (mandated)' : ''}` }, { text: `${fmt(c.baselineValue, 2)} (${c.baselinePeriod})`, format: 'numeric' },
          { text: fmt(c.targetValue, 2), format: 'numeric' }, { text: basisLabels[c.targetBasis] ?? c.targetBasis }, { text: c.shape === 'linear' ? 'Linear' : 'Constant %' },
          ...c.milestones.slice(1).map((m) => ({ text: fmt(m, 2), format: 'numeric' as const })), { text: c.rationale }],
      }))} />
  );
}
