// A panel score item: a competency with a level, or a governance sub-indicator with a RAG; checked against
// the framework so a score for something the framework does not have is refused.
import { AppError } from '../platform/errors.ts';
import { allSubIndicators, scoredCompetencies, type Level, type Rag, type WccFramework } from './framework.ts';

export type ItemKind = 'competency' | 'sub_indicator';
export interface PanelItem { kind: ItemKind; item: string; level?: Level | null; rag?: Rag | null; note?: string }

export function checkItems(f: WccFramework, items: PanelItem[], rationaleRequired: boolean): void {
  const comps = new Set(scoredCompetencies(f).map((c) => String(c.number)));
  const subs = new Set(allSubIndicators(f).map((s) => s.id));
  const errors: { path: string; message: string }[] = [];
  items.forEach((i, n) => {
    if (i.kind === 'competency' && (!comps.has(i.item) || !i.level)) errors.push({ path: `items/${n}`, message: `competency ${i.item} needs a level 1–4 and must be scored in ${f.title}` });
    if (i.kind === 'sub_indicator' && (!subs.has(i.item) || !i.rag)) errors.push({ path: `items/${n}`, message: `sub-indicator ${i.item} needs a RAG and must exist in ${f.title}` });
    if (rationaleRequired && !(i.note ?? '').trim()) errors.push({ path: `items/${n}/note`, message: 'write the rationale' });
  });
  if (errors.length) throw new AppError('invalid', 'Some scores cannot be accepted.', errors);
}
