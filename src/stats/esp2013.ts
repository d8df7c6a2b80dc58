/** The 2013 European Standard Population (19 bands, 0-4 … 85-89, 90+), as shipped with PHEindicatormethods. */
export const ESP2013_BANDS = [
  '0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49',
  '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+',
] as const;

export const ESP2013 = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
  7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
] as const;

/**
 * Band index (0-based) for an age-band label: "0-4" … "90+" (also "90-94"… style is not accepted),
 * or the 1-based band number "1" … "19". Returns -1 when the label is not an ESP2013 band.
 */
export function esp2013BandIndex(label: string): number {
  const t = label.trim();
  const i = ESP2013_BANDS.indexOf(t as (typeof ESP2013_BANDS)[number]);
  if (i >= 0) return i;
  if (/^\d{1,2}$/.test(t)) {
    const k = Number(t);
    if (k >= 1 && k <= 19) return k - 1;
  }
  return -1;
}
