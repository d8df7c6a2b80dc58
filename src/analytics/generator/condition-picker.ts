/**
 * Picks a condition for an admission given setting, age, sex and the area's deprivation: weights from
 * data/clinical-conditions.ts times exp(gradient x deprivation), cumulated once per small area.
 */
import { ageGroup, CONDITIONS, type Condition, type Setting } from './data/clinical-conditions.js';
import type { Rng } from './prng.js';

const SETTINGS: Setting[] = ['emergency', 'elective', 'maternity'];

export class ConditionPicker {
  private tables: { list: Condition[]; cum: Float64Array }[] = [];

  constructor(deprivation: number) {
    for (const setting of SETTINGS) {
      const list = CONDITIONS.filter((c) => c.setting === setting);
      for (let g = 0; g < 5; g++) {
        for (const sex of [1, 2]) {
          const cum = new Float64Array(list.length);
          let s = 0;
          list.forEach((c, i) => {
            if (!c.sex || c.sex === sex) s += c.weights[g] * Math.exp(c.depGradient * deprivation);
            cum[i] = s;
          });
          this.tables.push({ list, cum });
        }
      }
    }
  }

  pick(rng: Rng, setting: Setting, age: number, sex: number): Condition {
    const t = this.tables[SETTINGS.indexOf(setting) * 10 + ageGroup(age) * 2 + (sex === 2 ? 1 : 0)];
    for (let attempt = 0; attempt < 8; attempt++) {
      const c = t.list[rng.pickCumulative(t.cum)];
      if ((c.minAge === undefined || age >= c.minAge) && (c.maxAge === undefined || age <= c.maxAge)) return c;
    }
    return t.list[t.list.length - 1];
  }
}
