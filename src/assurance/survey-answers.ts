// Checks a stakeholder's answers against the questions asked of their group: known items, each once,
// Likert values on the scale (or "don't know" where allowed); empty free text is dropped. Pure.
import { AppError } from '../platform/errors.ts';
import type { Survey } from './framework.ts';

export interface AnswerInput { itemId: string; value?: number | null; text?: string }
export interface StoredAnswer { item_id: string; value: number | null; text: string | null }

export function checkAnswers(survey: Survey, group: string, answers: AnswerInput[]): StoredAnswer[] {
  const items = new Map(survey.items.filter((i) => !i.groups || i.groups.includes(group)).map((i) => [i.id, i]));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const item = items.get(a.itemId);
    if (!item) errors.push({ path: `answers/${i}/itemId`, message: `question ${a.itemId} is not in your survey` });
    else if (seen.has(a.itemId)) errors.push({ path: `answers/${i}/itemId`, message: `question ${a.itemId} is answered twice` });
    else if (item.kind === 'likert' && a.value != null && (!Number.isInteger(a.value) || a.value < survey.scale.min || a.value > survey.scale.max)) {
      errors.push({ path: `answers/${i}/value`, message: `answer ${survey.scale.min}–${survey.scale.max}` });
    } else if (item.kind === 'likert' && a.value == null && !survey.scale.allowDontKnow) errors.push({ path: `answers/${i}/value`, message: 'an answer is required' });
    seen.add(a.itemId);
  });
  if (errors.length) throw new AppError('invalid', 'Some answers cannot be accepted.', errors);
  return answers.flatMap((a): StoredAnswer[] => {
    const item = items.get(a.itemId)!;
    if (item.kind === 'likert') return [{ item_id: a.itemId, value: a.value ?? null, text: null }];
    const text = (a.text ?? '').trim().slice(0, 4000);
    return text ? [{ item_id: a.itemId, value: null, text }] : [];
  });
}
