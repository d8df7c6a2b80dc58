/** Day numbers (days since 1970-01-01, UTC) and fast ISO date strings for the simulated period. */
const MS_PER_DAY = 86_400_000;
export const TABLE_FIRST_DAY = Date.UTC(2000, 0, 1) / MS_PER_DAY;
const TABLE_DAYS = Date.UTC(2014, 0, 1) / MS_PER_DAY - TABLE_FIRST_DAY;
const ISO: string[] = [];
for (let d = 0; d < TABLE_DAYS; d++) ISO.push(new Date((TABLE_FIRST_DAY + d) * MS_PER_DAY).toISOString().slice(0, 10));

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoDate(day: number): string {
  const i = day - TABLE_FIRST_DAY;
  return i >= 0 && i < ISO.length ? ISO[i] : new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Financial year starting in April of `startYear` for a day: e.g. 2008 for 2009-03-31. */
export function financialYearOf(day: number): number {
  const iso = isoDate(day);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m >= 4 ? y : y - 1;
}

/** HES FYEAR code: 2008 -> "0809" (HES data dictionary: String(4)). */
export function hesFyear(startYear: number): string {
  const a = startYear % 100;
  const b = (startYear + 1) % 100;
  return `${a < 10 ? '0' : ''}${a}${b < 10 ? '0' : ''}${b}`;
}

/** Age in completed years. */
export function ageOn(dob: number, day: number): number {
  return Math.floor((day - dob) / 365.25);
}

/** HES infant age codes 7001–7007 for under-ones, else completed years. */
export function hesAge(dob: number, day: number): number {
  const days = day - dob;
  if (days >= 365) return ageOn(dob, day);
  if (days < 1) return 7001;
  if (days < 7) return 7002;
  if (days < 29) return 7003;
  if (days < 91) return 7004;
  if (days < 182) return 7005;
  if (days < 274) return 7006;
  return 7007;
}
