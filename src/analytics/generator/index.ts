export { generateDemo, runGenerator, type RunOptions, type RunResult } from './run-generator.js';
export { loadTariff, spellCost, type TariffRow } from './tariff.js';
export { hesIdOf } from './simulate-person.js';
export { APC_COLUMNS, OP_COLUMNS, AE_COLUMNS, DEATH_COLUMNS, POPULATION_COLUMNS, BIRTH_COLUMNS } from './hes-rows.js';
export { GROUND_TRUTH_PCT_COLUMNS } from './ground-truth.js';
