// Validates OCDS 1.1 packages against the official 1.1.5 schemas (JSON Schema draft 4), read from the
// shared data folder and registered under their canonical URLs, so nothing is fetched at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';

// Both packages are CommonJS with a default export; under NodeNext the class sits on .default.
type AjvInstance = import('ajv').default;
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (opts: object) => AjvInstance;
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: AjvInstance) => void;

export interface OcdsValidator {
  validateReleasePackage(pkg: unknown): string[];
  validateRecordPackage(pkg: unknown): string[];
}

export function createOcdsValidator(sharedDataDir: string): OcdsValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const load = (file: string) => JSON.parse(readFileSync(join(sharedDataDir, 'ocds', file), 'utf8')) as { id: string };
  const release = load('release-schema.json');
  ajv.addSchema(release, release.id);
  const versioned = load('versioned-release-validation-schema.json');
  ajv.addSchema(versioned, versioned.id);
  const releasePkg = ajv.compile(load('release-package-schema.json'));
  const recordPkg = ajv.compile(load('record-package-schema.json'));
  const errorsOf = (v: typeof releasePkg) => (v.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  return {
    validateReleasePackage: (pkg) => (releasePkg(pkg) ? [] : errorsOf(releasePkg)),
    validateRecordPackage: (pkg) => (recordPkg(pkg) ? [] : errorsOf(recordPkg)),
  };
}

/** The codes of an OCDS codelist (first column of its CSV). */
export function codelist(sharedDataDir: string, name: string): string[] {
  return readFileSync(join(sharedDataDir, 'ocds', 'codelists', `${name}.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
}
