// The key-encryption key (KEK) for sealed bids, held outside PostgreSQL: WCC_BID_KEY (32 bytes, base64
// or hex) for deployments, otherwise <dataDir>/secrets/bid-kek.key, created on first use with 0600
// permissions. Each competition's data key is stored in the database only wrapped under it, so someone
// who can read the database but not the server's key file (or environment) cannot decrypt bids.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export interface BidKek {
  key: Buffer;
  /** First 16 hex digits of SHA-256 of the key: stored beside each wrapped key to name the KEK used. */
  id: string;
}

const fingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

export function parseBidKek(text: string): BidKek {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(t) && key.toString('base64') !== t)) {
    throw new Error('The bid key-encryption key must be 32 bytes, written as 64 hex digits or base64.');
  }
  return { key, id: fingerprint(key) };
}

export function bidKekPath(dataDir: string): string {
  return join(dataDir, 'secrets', 'bid-kek.key');
}

/** The KEK from WCC_BID_KEY, or the key file under the data folder (created when missing). */
export function loadBidKek(dataDir: string, env: NodeJS.ProcessEnv = process.env): BidKek {
  if (env.WCC_BID_KEY) return parseBidKek(env.WCC_BID_KEY);
  const path = bidKekPath(dataDir);
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  try {
    const fd = openSync(path, 'wx', 0o600);   // fails if another process created it first
    try { writeSync(fd, `${randomBytes(32).toString('hex')}\n`); } finally { closeSync(fd); }
    chmodSync(path, 0o600);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EEXIST') throw err;
  }
  if ((statSync(path).mode & 0o077) !== 0) throw new Error(`${path} must be readable by its owner only (chmod 600).`);
  return parseBidKek(readFileSync(path, 'utf8'));
}

const aadOf = (competitionId: string) => Buffer.from(`bid-key/${competitionId}`);

/** iv (12) || tag (16) || wrapped key (32): 60 bytes, bound to the competition. */
export function wrapDataKey(kek: BidKek, dataKey: Buffer, competitionId: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.key, iv);
  cipher.setAAD(aadOf(competitionId));
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the KEK or the competition do not match. */
export function unwrapDataKey(kek: BidKek, wrapped: Buffer, competitionId: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', kek.key, wrapped.subarray(0, 12));
  decipher.setAAD(aadOf(competitionId));
  decipher.setAuthTag(wrapped.subarray(12, 28));
  return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
}
