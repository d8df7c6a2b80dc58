// Each competition's data key: created when the tender is published, stored wrapped under the KEK
// (bid-kek.ts). Before the deadline the server reads it only to seal; after the deadline it is released
// by procurement_bid_key() (which refuses earlier) and unwrapped with the KEK held outside the database.
import type pg from 'pg';
import { AppError } from '../platform/errors.ts';
import { unwrapDataKey, wrapDataKey, type BidKek } from './bid-kek.ts';
import { newDataKey } from './sealing.ts';

export async function createBidKey(client: pg.ClientBase, kek: BidKek, competitionId: string): Promise<void> {
  await client.query('INSERT INTO procurement_bid_keys (competition_id, data_key, wrapped_by) VALUES ($1, $2, $3)',
    [competitionId, wrapDataKey(kek, newDataKey(), competitionId), kek.id]);
}

async function unwrapStored(client: pg.ClientBase | pg.Pool, kek: BidKek, competitionId: string, stored: Buffer): Promise<Buffer> {
  const { rows } = await client.query('SELECT wrapped_by FROM procurement_bid_keys WHERE competition_id = $1', [competitionId]);
  const wrappedBy: string | null = rows[0]?.wrapped_by ?? null;
  if (wrappedBy === null) {
    // A key stored before migration 0620: wrap it now, so it is plain in the database no longer.
    await client.query('UPDATE procurement_bid_keys SET data_key = $2, wrapped_by = $3 WHERE competition_id = $1 AND wrapped_by IS NULL',
      [competitionId, wrapDataKey(kek, stored, competitionId), kek.id]);
    return stored;
  }
  if (wrappedBy !== kek.id) {
    throw new AppError('unavailable', 'The bids were sealed under a different key-encryption key (WCC_BID_KEY or the data folder\'s secrets/bid-kek.key changed); they cannot be opened with this one.');
  }
  return unwrapDataKey(kek, stored, competitionId);
}

/** The key before the deadline, for sealing only: read straight from its table, never returned to anyone. */
export async function sealingKey(client: pg.ClientBase | pg.Pool, kek: BidKek, competitionId: string): Promise<Buffer> {
  const { rows } = await client.query('SELECT data_key FROM procurement_bid_keys WHERE competition_id = $1', [competitionId]);
  if (!rows[0]) throw new AppError('conflict', 'The competition has no bid key: it was never put out to tender.');
  return unwrapStored(client, kek, competitionId, rows[0].data_key as Buffer);
}

/** The key for reading, released by the database only after the deadline. */
export async function openingKey(client: pg.ClientBase | pg.Pool, kek: BidKek, competitionId: string): Promise<Buffer> {
  let stored: Buffer;
  try {
    const { rows } = await client.query('SELECT procurement_bid_key($1) AS k', [competitionId]);
    stored = rows[0].k as Buffer;
  } catch (err) {
    if ((err as { code?: string }).code === '42501') throw new AppError('forbidden', 'Bids are sealed until the deadline.');
    throw err;
  }
  if (!stored) throw new AppError('conflict', 'The competition has no bid key: it was never put out to tender.');
  return unwrapStored(client, kek, competitionId, stored);
}
