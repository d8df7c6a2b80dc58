/**
 * Section 19 — statistical peers. Each variable is standardised across all areas (z = (x − mean)/sd,
 * sample sd with n − 1, as R's `scale`), optionally weighted, and areas are ranked by Euclidean distance
 * √Σ wⱼ(zᵢⱼ − zₖⱼ)². The k nearest are the peers; distances and each variable's contribution are returned
 * so users can see why an area is a peer. Ties in distance go to the lower area code.
 */
export interface PeerArea { code: string; values: Record<string, number> }
export interface PeerOptions { variables: string[]; k?: number; weights?: Record<string, number> }
export interface Peer {
  code: string;
  rank: number;
  distance: number;
  /** Standardised values of the peer, by variable. */
  z: Record<string, number>;
  /** wⱼ(zᵢⱼ − zₖⱼ)² for each variable: what the distance is made of. */
  contributions: Record<string, number>;
}

export function standardise(areas: readonly PeerArea[], variables: readonly string[]): Map<string, Record<string, number>> {
  const n = areas.length;
  const out = new Map<string, Record<string, number>>(areas.map((a) => [a.code, {}]));
  for (const v of variables) {
    const xs = areas.map((a) => {
      const x = a.values[v];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`area ${a.code}: variable ${v} is missing or not a number`);
      return x;
    });
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = n > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
    // A variable that does not vary cannot separate areas: it contributes 0 rather than NaN.
    areas.forEach((a, i) => { (out.get(a.code) as Record<string, number>)[v] = sd > 0 ? (xs[i] - mean) / sd : 0; });
  }
  return out;
}

/** The k nearest areas to `target` (never itself), nearest first. */
export function findPeers(areas: readonly PeerArea[], target: string, options: PeerOptions): Peer[] {
  const k = options.k ?? 10;
  if (!Number.isInteger(k) || k < 1) throw new Error(`number of peers k must be a whole number ≥ 1, got ${k}`);
  if (options.variables.length === 0) throw new Error('choose at least one peer variable');
  const codes = new Set<string>();
  for (const a of areas) {
    if (codes.has(a.code)) throw new Error(`area ${a.code} appears more than once`);
    codes.add(a.code);
  }
  if (!codes.has(target)) throw new Error(`area ${target} is not among the areas given`);
  const weights = options.variables.map((v) => {
    const w = options.weights?.[v] ?? 1;
    if (!(w >= 0)) throw new Error(`weight for ${v} must be non-negative, got ${w}`);
    return w;
  });
  const z = standardise(areas, options.variables);
  const zt = z.get(target) as Record<string, number>;
  const peers = areas.filter((a) => a.code !== target).map((a) => {
    const za = z.get(a.code) as Record<string, number>;
    const contributions: Record<string, number> = {};
    let sum = 0;
    options.variables.forEach((v, j) => {
      contributions[v] = weights[j] * (za[v] - zt[v]) ** 2;
      sum += contributions[v];
    });
    return { code: a.code, rank: 0, distance: Math.sqrt(sum), z: za, contributions };
  });
  peers.sort((p, q) => p.distance - q.distance || (p.code < q.code ? -1 : p.code > q.code ? 1 : 0));
  return peers.slice(0, k).map((p, i) => ({ ...p, rank: i + 1 }));
}
