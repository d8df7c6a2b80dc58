// Which spec imports which kind.
import { AppError } from '../../platform/errors.ts';
import { aeSpec } from './hes/ae.ts';
import { apcSpec } from './hes/apc.ts';
import { opSpec } from './hes/op.ts';
import { indicatorValuesSpec } from './indicator-values/spec.ts';
import { parseMapping } from './indicator-values/mapping.ts';
import { onsDeathsSpec, onsPopulationSpec } from './ons/ons.ts';
import { birthsSpec } from './records/births.ts';
import { deathsSpec } from './records/deaths.ts';
import { imdSpec, imdYearOf } from './reference/imd.ts';
import { laPctSpec } from './reference/la-pct.ts';
import type { ImportKind, RecordSpec } from './spec.ts';

export interface KindOptions {
  mapping?: string;
  indicatorId?: string;
  imdYear?: number;
}

export function specFor(kind: ImportKind, fileName: string, options: KindOptions): RecordSpec {
  switch (kind) {
    case 'hes-apc': return apcSpec;
    case 'hes-op': return opSpec;
    case 'hes-ae': return aeSpec;
    case 'ons-deaths': return onsDeathsSpec;
    case 'ons-population': return onsPopulationSpec;
    case 'deaths': return deathsSpec;
    case 'births': return birthsSpec;
    case 'la-pct': return laPctSpec;
    case 'imd': {
      const year = imdYearOf(fileName, options.imdYear);
      if (year === null) throw new AppError('invalid', `cannot tell the IMD year from "${fileName}": give --imd-year`);
      return imdSpec(year);
    }
    case 'indicator-values': return indicatorValuesSpec(parseMapping(options.mapping, options.indicatorId));
  }
}
