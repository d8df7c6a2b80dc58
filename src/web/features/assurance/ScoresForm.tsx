// A level per scored competency and a RAG per governance sub-indicator, each with a note: used for a panel
// member's own scores and for the chair's agreed scores (where the note is the written rationale).
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Select } from '../../components/Select.tsx';
import type { Framework, PanelItem } from './api.ts';
import { levelItems, ragItems } from './shared.tsx';

export function ScoresForm({ f, prefix, initial, noteLabel, buttons }: {
  f: Framework; prefix: string; initial: PanelItem[]; noteLabel: string;
  buttons: { text: string; secondary?: boolean; onClick(items: PanelItem[]): void }[];
}) {
  const key = (i: { kind: string; item: string }) => `${i.kind}:${i.item}`;
  const [items, setItems] = useState<Record<string, PanelItem>>(Object.fromEntries(initial.map((i) => [key(i), i])));
  const set = (kind: PanelItem['kind'], item: string, change: Partial<PanelItem>) =>
    setItems((cur) => ({ ...cur, [`${kind}:${item}`]: { ...cur[`${kind}:${item}`], kind, item, ...change } }));
  const all = () => Object.values(items).filter((i) => i.level || i.rag);
  const note = (kind: PanelItem['kind'], item: string, label: string) => (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`${prefix}-note-${item}`}>{noteLabel} for {label}</label>
      <textarea className="nhsuk-textarea" rows={1} id={`${prefix}-note-${item}`} value={items[`${kind}:${item}`]?.note ?? ''} onChange={(e) => set(kind, item, { note: e.target.value })} />
    </div>
  );
  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      <h3>Competencies</h3>
      {f.competencies.filter((c) => c.scored).map((c) => (
        <div key={c.number} className="nhsuk-u-margin-bottom-4">
          <Select id={`${prefix}-level-${c.number}`} name={`level-${c.number}`} label={{ text: `${c.number}. ${c.title}` }} items={levelItems}
            value={String(items[`competency:${c.number}`]?.level ?? '')} onChange={(v) => set('competency', String(c.number), { level: v ? Number(v) : null })} />
          {note('competency', String(c.number), `competency ${c.number}`)}
        </div>
      ))}
      <h3>Governance</h3>
      {f.governance.areas.flatMap((a) => a.subIndicators.map((s) => (
        <div key={s.id} className="nhsuk-u-margin-bottom-4">
          <Select id={`${prefix}-rag-${s.id}`} name={`rag-${s.id}`} label={{ text: `${a.title}: ${s.id} ${s.title}` }} items={ragItems}
            value={items[`sub_indicator:${s.id}`]?.rag ?? ''} onChange={(v) => set('sub_indicator', s.id, { rag: v || null })} />
          {note('sub_indicator', s.id, `sub-indicator ${s.id}`)}
        </div>
      )))}
      <div className="nhsuk-button-group">
        {buttons.map((b) => <Button key={b.text} type="button" text={b.text} variant={b.secondary ? 'secondary' : undefined} onClick={() => b.onClick(all())} />)}
      </div>
    </form>
  );
}
