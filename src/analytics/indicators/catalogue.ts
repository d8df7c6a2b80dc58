// Loads the indicator catalogue (catalogue/*.yaml), validates every definition against the TypeBox
// schema and checks what a schema cannot: unique ids, code-list files that exist, and rules that fit
// the method (a DSR needs a population denominator, an SII a life-expectancy indicator to build on).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from '@sinclair/typebox/value';
import { parse } from 'yaml';
import { IndicatorDefinition } from './definition-schema.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const CATALOGUE_DIR = join(here, 'catalogue');
export const CODELIST_DIR = join(here, 'codelists');

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`indicator catalogue is invalid:\n${problems.join('\n')}`);
  }
}

/** Every definition in the catalogue folder, in file then document order; throws CatalogueError listing every problem. */
export function loadCatalogue(dir = CATALOGUE_DIR, codelistDir = CODELIST_DIR): IndicatorDefinition[] {
  const problems: string[] = [];
  const defs: IndicatorDefinition[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  for (const file of files) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: not valid YAML: ${(err as Error).message}`);
      continue;
    }
    const list = (doc as { indicators?: unknown })?.indicators;
    if (!Array.isArray(list)) {
      problems.push(`${file}: expected a top-level "indicators:" list`);
      continue;
    }
    list.forEach((item, i) => {
      const where = `${file}: indicators[${i}]${typeof item?.id === 'string' ? ` (${item.id})` : ''}`;
      if (!Value.Check(IndicatorDefinition, item)) {
        for (const e of Value.Errors(IndicatorDefinition, item)) problems.push(`${where}${e.path}: ${e.message}`);
        return;
      }
      defs.push(item);
    });
  }
  problems.push(...checkCatalogue(defs, codelistDir));
  if (problems.length > 0) throw new CatalogueError(problems);
  return defs;
}

/** Cross-definition and method rules; returns the problems found. */
export function checkCatalogue(defs: IndicatorDefinition[], codelistDir = CODELIST_DIR): string[] {
  const problems: string[] = [];
  const ids = new Map<string, IndicatorDefinition>();
  for (const d of defs) {
    if (ids.has(d.id)) problems.push(`${d.id}: duplicate id`);
    ids.set(d.id, d);
  }
  for (const d of defs) {
    const p = (msg: string) => problems.push(`${d.id}: ${msg}`);
    for (const file of codeListFiles(d)) {
      if (!existsSync(join(codelistDir, file))) p(`code list file ${file} does not exist in codelists/`);
    }
    if (!d.computed) continue;
    switch (d.method) {
      case 'dsr':
        if (d.standardPopulation !== 'esp2013') p('a DSR needs standardPopulation: esp2013');
        if (d.denominator?.kind !== 'population') p('a DSR needs a population denominator');
        break;
      case 'isr': case 'life-expectancy':
        if (d.denominator?.kind !== 'population') p(`${d.method} needs a population denominator`);
        break;
      case 'proportion': case 'mean':
        if (d.denominator?.kind !== 'records') p(`${d.method} needs a records denominator (a subset of the same dataset)`);
        if (d.method === 'mean' && !d.meanOf) p('a mean needs meanOf');
        break;
      case 'crude-rate': case 'count':
        if (!d.denominator && d.method === 'crude-rate') p('a crude rate needs a denominator');
        break;
      case 'sii': case 'gap': {
        const base = d.basedOn ? ids.get(d.basedOn) : undefined;
        if (!base || base.method !== 'life-expectancy') p(`${d.method} must be basedOn a life-expectancy indicator`);
        if (!d.deprivationGroups) p(`${d.method} needs deprivationGroups`);
        break;
      }
    }
    if (!['sii', 'gap'].includes(d.method) && !d.numerator) p('a computed indicator needs a numerator');
    if (d.numerator?.dataset === 'uploaded') p('a computed indicator cannot take an uploaded dataset');
    const pt = d.numerator?.dataset === 'deaths' || d.numerator?.dataset === 'births' ? 'calendar-year' : 'financial-year';
    if (d.numerator && d.periodType !== pt) p(`${d.numerator.dataset} is counted by ${pt}, not ${d.periodType}`);
  }
  return problems;
}

function codeListFiles(d: IndicatorDefinition): string[] {
  const n = d.numerator;
  return [n?.diagnosis?.codes.file, n?.acsc?.file, n?.weighting?.fractions.file].filter((f): f is string => !!f);
}

export function findIndicator(defs: IndicatorDefinition[], id: string): IndicatorDefinition | undefined {
  return defs.find((d) => d.id === id);
}
