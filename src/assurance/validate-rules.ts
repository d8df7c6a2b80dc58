// Validation of the named roll-up rule types and of league settings, shared by framework validators.
import type { Checker } from './checker.ts';
import { join } from './checker.ts';
import type { CompetencyRollupRule, Era, LeagueOrder, LeagueSettings, RagRollupRule, Rounding } from './framework.ts';
import { COMPETENCY_ROLLUP_TYPES, RAG_ROLLUP_TYPES } from './framework.ts';

const ROUNDINGS: readonly Rounding[] = ['down', 'nearest', 'up'];

export function checkCompetencyRollup(c: Checker, v: unknown, path: string, subCriteria?: string[])
  : CompetencyRollupRule | undefined {
  const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
  const rule = c.oneOf(type, join(path, 'type'), COMPETENCY_ROLLUP_TYPES, 'competency roll-up rule type');
  if (!COMPETENCY_ROLLUP_TYPES.includes(type as never)) return undefined;
  switch (rule) {
    case 'minimum':
    case 'lowest_but_one': {
      const o = c.object(v, path, ['type', 'description']);
      return o && { type: rule, description: c.optionalString(o.description, join(path, 'description')) };
    }
    case 'median': {
      const o = c.object(v, path, ['type', 'tieBreak', 'description']);
      if (!o) return undefined;
      const tieBreak = c.oneOf(o.tieBreak, join(path, 'tieBreak'), ['lower', 'upper'] as const, 'median tie-break');
      return { type: rule, tieBreak, description: c.optionalString(o.description, join(path, 'description')) };
    }
    case 'mean': {
      const o = c.object(v, path, ['type', 'rounding', 'maxAboveLowest', 'description']);
      if (!o) return undefined;
      return {
        type: rule,
        rounding: c.oneOf(o.rounding, join(path, 'rounding'), ROUNDINGS, 'rounding'),
        maxAboveLowest: o.maxAboveLowest === undefined ? undefined : c.integer(o.maxAboveLowest, join(path, 'maxAboveLowest'), 0, 3),
        description: c.optionalString(o.description, join(path, 'description')),
      };
    }
    case 'weighted_mean': {
      const o = c.object(v, path, ['type', 'rounding', 'weights', 'maxAboveLowest', 'description']);
      if (!o) return undefined;
      const weights: Record<string, number> = {};
      const w = c.object(o.weights, join(path, 'weights'), subCriteria ?? Object.keys(o.weights ?? {}));
      if (w) {
        for (const [k, x] of Object.entries(w)) weights[k] = c.number(x, join(join(path, 'weights'), k), 0, 1);
        if (subCriteria) {
          for (const s of subCriteria) if (!(s in w)) c.fail(join(path, 'weights'), `no weight for sub-criterion ${s}`);
        } else {
          c.fail(join(path, 'weights'), 'weighted_mean needs weights per sub-criterion: set it on the competency, not the framework');
        }
        c.weightsSumToOne(Object.values(weights), join(path, 'weights'), 'sub-criterion weights');
      }
      return {
        type: rule,
        rounding: c.oneOf(o.rounding, join(path, 'rounding'), ROUNDINGS, 'rounding'),
        weights,
        maxAboveLowest: o.maxAboveLowest === undefined ? undefined : c.integer(o.maxAboveLowest, join(path, 'maxAboveLowest'), 0, 3),
        description: c.optionalString(o.description, join(path, 'description')),
      };
    }
  }
}

export function checkRagRollup(c: Checker, v: unknown, path: string, maxPoints: number): RagRollupRule | undefined {
  const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
  const rule = c.oneOf(type, join(path, 'type'), RAG_ROLLUP_TYPES, 'RAG roll-up rule type');
  if (!RAG_ROLLUP_TYPES.includes(type as never)) return undefined;
  switch (rule) {
    case 'worst': {
      const o = c.object(v, path, ['type', 'description']);
      return o && { type: rule, description: c.optionalString(o.description, join(path, 'description')) };
    }
    case 'rag_counts': {
      const o = c.object(v, path, ['type', 'redIfRedsAtLeast', 'amberIfAmbersAtLeast', 'redIfAmbersAtLeast', 'description']);
      if (!o) return undefined;
      const r: RagRollupRule = {
        type: rule,
        redIfRedsAtLeast: c.integer(o.redIfRedsAtLeast, join(path, 'redIfRedsAtLeast'), 1),
        amberIfAmbersAtLeast: c.integer(o.amberIfAmbersAtLeast, join(path, 'amberIfAmbersAtLeast'), 1),
        redIfAmbersAtLeast: o.redIfAmbersAtLeast === undefined ? undefined
          : c.integer(o.redIfAmbersAtLeast, join(path, 'redIfAmbersAtLeast'), 1),
        description: c.optionalString(o.description, join(path, 'description')),
      };
      if (r.redIfAmbersAtLeast !== undefined && r.redIfAmbersAtLeast <= r.amberIfAmbersAtLeast) {
        c.fail(join(path, 'redIfAmbersAtLeast'), 'must be greater than amberIfAmbersAtLeast');
      }
      return r;
    }
    case 'points_mean': {
      const o = c.object(v, path, ['type', 'greenAtLeast', 'amberAtLeast', 'description']);
      if (!o) return undefined;
      const greenAtLeast = c.number(o.greenAtLeast, join(path, 'greenAtLeast'), 0, maxPoints);
      const amberAtLeast = c.number(o.amberAtLeast, join(path, 'amberAtLeast'), 0, maxPoints);
      if (amberAtLeast > greenAtLeast) c.fail(join(path, 'amberAtLeast'), 'must not exceed greenAtLeast');
      return { type: rule, greenAtLeast, amberAtLeast, description: c.optionalString(o.description, join(path, 'description')) };
    }
  }
}

const ORDERS_BY_ERA: Record<Era, readonly LeagueOrder[]> = {
  wcc: ['governance_then_competencies', 'weighted'],
  oversight: ['segment_then_score'],
};

export function checkLeague(c: Checker, v: unknown, path: string, era: Era): LeagueSettings {
  const o = c.object(v, path, ['order', 'governanceWeight', 'competencyWeight', 'description']);
  if (!o) return { order: ORDERS_BY_ERA[era][0] };
  const order = c.oneOf(o.order, join(path, 'order'), ORDERS_BY_ERA[era], `league order for a ${era} framework`);
  const league: LeagueSettings = { order, description: c.optionalString(o.description, join(path, 'description')) };
  if (o.governanceWeight !== undefined || o.competencyWeight !== undefined) {
    league.governanceWeight = c.number(o.governanceWeight, join(path, 'governanceWeight'), 0, 1);
    league.competencyWeight = c.number(o.competencyWeight, join(path, 'competencyWeight'), 0, 1);
    c.weightsSumToOne([league.governanceWeight, league.competencyWeight], path, 'governanceWeight and competencyWeight');
  } else if (order === 'weighted') {
    c.fail(path, 'a weighted league needs governanceWeight and competencyWeight');
  }
  return league;
}
