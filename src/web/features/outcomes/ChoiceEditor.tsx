// One chosen outcome while drafting: the stretch proposals (national and peers: target, implied annual
// change, and how that compares with the best improvement comparable areas achieved), the basis or an
// own target, the trajectory shape and the rationale.
import { Radios } from '../../components/Radios.tsx';
import { Input } from '../../components/Input.tsx';
import { Table } from '../../components/Table.tsx';
import { Button } from '../../components/Button.tsx';
import { useApi } from '../../app/use-api.ts';
import { getProposals, type ChoiceInput } from './api.ts';
import { basisLabels, fmt, pct } from './format.ts';
import { Textarea } from './Textarea.tsx';

export function ChoiceEditor({ orgCode, cycle, choice, title, mandated, onChange, onRemove }: {
  orgCode: string; cycle: string; choice: ChoiceInput; title: string; mandated: boolean; onChange(c: ChoiceInput): void; onRemove(): void;
}) {
  const proposals = useApi((api) => getProposals(api, orgCode, cycle, choice.indicatorId), [orgCode, cycle, choice.indicatorId]);
  const id = choice.indicatorId;
  const bases = proposals.state === 'ready' ? proposals.data.groups.flatMap((g) => g.proposals.map((p) => ({
    value: `${g.group === 'peers' ? 'peer-' : ''}${p.basis}`, target: p.target, group: g, p,
  }))) : [];
  return (
    <div className="nhsuk-card" data-outcome={id}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">{title}{mandated && ' (mandated)'}</h3>
        {proposals.state === 'loading' && <p>Loading stretch proposals…</p>}
        {proposals.state === 'error' && <p>{proposals.error.message}</p>}
        {proposals.state === 'ready' && (
          <>
            <p>Baseline {proposals.data.baselinePeriod}: <strong>{fmt(proposals.data.baselineValue, 2)}</strong>. Trajectory over {proposals.data.years} years.</p>
            <Table caption={`Stretch proposals for ${title}`} captionSize="s" responsive
              head={[{ text: 'Benchmark' }, { text: 'Target', format: 'numeric' }, { text: 'Change a year', format: 'numeric' }, { text: '% a year', format: 'numeric' }, { text: 'Against best improvement seen', format: 'numeric' }]}
              rows={bases.map((b) => ({
                key: b.value,
                cells: [{ text: `${basisLabels[b.value]} (${b.group.areas} PCTs)` }, { text: fmt(b.target, 2), format: 'numeric' }, { text: fmt(b.p.annualChangeLinear, 2), format: 'numeric' },
                  { text: pct(b.p.annualChangePercent), format: 'numeric' },
                  { text: b.p.ratioToBestSeen === null ? '–' : `${fmt(b.p.ratioToBestSeen, 2)}× ${b.p.ratioToBestSeen > 1 ? '(faster than any achieved)' : ''}`, format: 'numeric' }],
              }))} />
          </>
        )}
        <Radios idPrefix={`${id}-basis`} name={`${id}-basis`} fieldset={{ legend: { text: 'Target', classes: 'nhsuk-fieldset__legend--s' } }} value={choice.targetBasis}
          onChange={(v) => onChange({ ...choice, targetBasis: v })}
          items={[...bases.map((b) => ({ value: b.value, text: `${basisLabels[b.value]}: ${fmt(b.target, 2)}` })), { value: 'custom', text: 'Our own target' }]} />
        {choice.targetBasis === 'custom' && (
          <Input id={`${id}-target`} name={`${id}-target`} label={{ text: 'Target value in the final year' }} inputmode="decimal" classes="nhsuk-input--width-10"
            value={choice.targetValue === undefined ? '' : String(choice.targetValue)} onChange={(v) => onChange({ ...choice, targetValue: v === '' ? undefined : Number(v) })} />
        )}
        <Radios idPrefix={`${id}-shape`} name={`${id}-shape`} fieldset={{ legend: { text: 'Trajectory', classes: 'nhsuk-fieldset__legend--s' } }} value={choice.shape}
          onChange={(v) => onChange({ ...choice, shape: v as ChoiceInput['shape'] })}
          items={[{ value: 'linear', text: 'Linear (the same change each year)' }, { value: 'constant-percentage', text: 'Constant percentage each year' }]} />
        <Textarea id={`${id}-rationale`} name={`${id}-rationale`} label="Rationale" value={choice.rationale} onChange={(v) => onChange({ ...choice, rationale: v })} />
        {!mandated && <Button text={`Remove ${title}`} type="button" variant="secondary" small onClick={onRemove} />}
      </div>
    </div>
  );
}
