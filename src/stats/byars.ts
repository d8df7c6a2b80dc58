/** Byar's approximation to Poisson limits (STATISTICS.md, common conventions); dependency-free for hot paths. */

/** Byar's lower limit for a Poisson count o at two-sided z; NaN (NA) when negative. */
export function byarsLower(o: number, z: number): number {
  const v = o * (1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))) ** 3;
  return v < 0 ? NaN : v;
}

/** Byar's upper limit for a Poisson count o at two-sided z. */
export function byarsUpper(o: number, z: number): number {
  const o1 = o + 1;
  return o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
}
