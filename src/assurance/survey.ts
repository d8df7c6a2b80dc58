// 360° stakeholder survey results against the competencies, by stakeholder group. A group's results are
// shown only when at least `minimumGroupSize` people in it answered; if withholding small groups would
// still let their answers be worked out (the total minus the groups shown), the next smallest groups are
// withheld too, until what is withheld covers at least `minimumGroupSize` people.
import type { WccFramework } from './framework.ts';

export interface SurveyAnswer {
  respondentId: string;        // an opaque token per response, never a person
  group: string;
  itemId: string;
  value?: number | null;       // Likert value; null = "don't know"
  text?: string;               // free text
}

export interface Summary {
  group: string;               // a stakeholder group id, or "all"
  respondents: number;
  suppressed: boolean;
  mean: number | null;         // null when suppressed or nobody gave a value
  distribution: number[] | null;   // counts per scale point, min..max
}

export interface ItemSummary { itemId: string; competency: number | null; results: Summary[] }
export interface CompetencySummary { competency: number; title: string; results: Summary[] }
export interface FreeTextSummary { itemId: string; results: { group: string; respondents: number; suppressed: boolean; comments: string[] | null }[] }

export interface SurveyReport { items: ItemSummary[]; competencies: CompetencySummary[]; freeText: FreeTextSummary[] }

/** Which groups to withhold, given respondents per group and the minimum group size. */
export function groupsToWithhold(counts: Map<string, number>, k: number): Set<string> {
  const withheld = new Set([...counts].filter(([, n]) => n > 0 && n < k).map(([g]) => g));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total < k) return new Set([...counts].filter(([, n]) => n > 0).map(([g]) => g));
  const hidden = () => [...withheld].reduce((a, g) => a + (counts.get(g) ?? 0), 0);
  while (hidden() > 0 && hidden() < k) {
    const next = [...counts].filter(([g, n]) => n > 0 && !withheld.has(g)).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0];
    if (!next) break;
    withheld.add(next[0]);
  }
  return withheld;
}

export function summariseSurvey(f: WccFramework, answers: SurveyAnswer[]): SurveyReport {
  const { scale, minimumGroupSize: k, stakeholderGroups } = f.survey;
  const groups = stakeholderGroups.map((g) => g.id);
  const itemsById = new Map(f.survey.items.map((i) => [i.id, i]));
  const valid = answers.filter((a) => itemsById.has(a.itemId) && groups.includes(a.group));

  const summarise = (subset: SurveyAnswer[]): Summary[] => {
    const byGroup = new Map(groups.map((g) => [g, subset.filter((a) => a.group === g)]));
    const counts = new Map(groups.map((g) => [g, new Set(byGroup.get(g)?.map((a) => a.respondentId)).size]));
    const withheld = groupsToWithhold(counts, k);
    const total = new Set(subset.map((a) => a.respondentId)).size;
    const one = (group: string, list: SurveyAnswer[], respondents: number, suppressed: boolean): Summary => {
      const values = list.map((a) => a.value).filter((v): v is number => typeof v === 'number' && v >= scale.min && v <= scale.max);
      if (suppressed) return { group, respondents, suppressed, mean: null, distribution: null };
      const distribution = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => values.filter((v) => v === scale.min + i).length);
      return { group, respondents, suppressed, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, distribution };
    };
    return [one('all', subset, total, total < k),
      ...groups.map((g) => one(g, byGroup.get(g) ?? [], counts.get(g) ?? 0, withheld.has(g)))];
  };

  const likert = f.survey.items.filter((i) => i.kind === 'likert');
  const items = likert.map((i) => ({ itemId: i.id, competency: i.competency, results: summarise(valid.filter((a) => a.itemId === i.id)) }));
  const competencies = f.competencies.filter((c) => likert.some((i) => i.competency === c.number)).map((c) => ({
    competency: c.number, title: c.title,
    results: summarise(valid.filter((a) => itemsById.get(a.itemId)?.kind === 'likert' && itemsById.get(a.itemId)?.competency === c.number)),
  }));
  const freeText = f.survey.items.filter((i) => i.kind === 'free_text').map((i) => {
    const list = valid.filter((a) => a.itemId === i.id && typeof a.text === 'string' && a.text.trim() !== '');
    return { itemId: i.id, results: summarise(list).map((s) => ({
      group: s.group, respondents: s.respondents, suppressed: s.suppressed,
      comments: s.suppressed ? null : list.filter((a) => s.group === 'all' || a.group === s.group).map((a) => (a.text as string).trim()),
    })) };
  });
  return { items, competencies, freeText };
}
