// Files on disk under <dataDir>/procurement/<area>, named by the SHA-256 of the stored bytes (the same
// bytes are stored once); written to a temporary name and renamed, so a reader never sees half a file.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';
import { sha256Of } from './sealing.ts';

export type FileArea = 'files' | 'sealed';

/** Stores the bytes and answers their storage key (`ab/abcdef…`). */
export async function storeFile(dataDir: string, area: FileArea, bytes: Buffer): Promise<string> {
  const sha = sha256Of(bytes);
  const key = join(sha.slice(0, 2), sha);
  const path = join(dataDir, 'procurement', area, key);
  if (!existsSync(path)) {
    await mkdir(join(dataDir, 'procurement', area, sha.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.part`;
    await writeFile(tmp, bytes, { mode: 0o640 });
    await rename(tmp, path);
  }
  return key;
}

/** Reads a stored file back and checks it still matches its name. */
export async function readStoredFile(dataDir: string, area: FileArea, key: string): Promise<Buffer> {
  if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new AppError('unavailable', 'The stored file has an invalid name.');
  const bytes = await readFile(join(dataDir, 'procurement', area, key));
  if (sha256Of(bytes) !== key.slice(3)) throw new AppError('unavailable', 'The stored file does not match its checksum.');
  return bytes;
}
