// What every procurement route plugin is given: the app's dependencies and the bid key-encryption key,
// loaded on first use (so features that never touch bids never create the key file).
import type { AppDeps } from '../platform/app.ts';
import { loadBidKek, type BidKek } from './bid-kek.ts';

export interface ProcurementOptions { deps: AppDeps; kek(): BidKek }

export function lazyBidKek(dataDir: string): () => BidKek {
  let kek: BidKek | null = null;
  return () => (kek ??= loadBidKek(dataDir));
}
