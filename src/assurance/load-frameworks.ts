// Reads and validates the framework YAML files (./frameworks) and autonomy policies (./policies). The only
// file I/O of the assurance model; everything it returns has passed validation and carries a checksum.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { contentChecksum } from './canonical.ts';
import type { Framework } from './framework.ts';
import { frameworkKey } from './framework.ts';
import type { FrameworkIssue } from './checker.ts';
import { FrameworkValidationError, validateFramework } from './validate-framework.ts';
import type { AutonomyPolicy } from './autonomy-policy.ts';
import { validateAutonomyPolicy } from './autonomy-policy.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FRAMEWORKS_DIR = join(HERE, 'frameworks');
export const POLICIES_DIR = join(HERE, 'policies');

export interface LoadedFramework { framework: Framework; file: string; checksum: string }
export interface LoadedPolicy { policy: AutonomyPolicy; file: string; checksum: string }

/** Parses YAML text, reporting syntax errors (including duplicate keys) as framework issues. */
export function parseYaml(text: string, file: string): { value?: unknown; issues: FrameworkIssue[] } {
  try {
    return { value: parse(text, { uniqueKeys: true, prettyErrors: true }), issues: [] };
  } catch (e) {
    return { issues: [{ file, path: '(yaml)', message: (e as Error).message.split('\n')[0] }] };
  }
}

export function loadFrameworkText(text: string, file: string): LoadedFramework {
  const { value, issues } = parseYaml(text, file);
  if (issues.length) throw new FrameworkValidationError(issues);
  const r = validateFramework(value, file);
  if (!r.ok) throw new FrameworkValidationError(r.issues);
  const expected = `${r.framework.id}-${r.framework.version}.yaml`;
  if (basename(file) !== expected) {
    throw new FrameworkValidationError([{ file, path: '(file name)', message: `a framework with id "${r.framework.id}" and version "${r.framework.version}" must be in a file named ${expected}` }]);
  }
  return { framework: r.framework, file, checksum: contentChecksum(r.framework) };
}

/** Loads every *.yaml framework in dir; reports all files' issues together, and duplicate versions. */
export function loadFrameworks(dir = FRAMEWORKS_DIR): LoadedFramework[] {
  const issues: FrameworkIssue[] = [];
  const loaded: LoadedFramework[] = [];
  for (const path of yamlFiles(dir)) {
    const file = relative(process.cwd(), path) || path;
    try {
      loaded.push(loadFrameworkText(readFileSync(path, 'utf8'), file));
    } catch (e) {
      if (e instanceof FrameworkValidationError) issues.push(...e.issues);
      else throw e;
    }
  }
  const seen = new Map<string, string>();
  for (const l of loaded) {
    const key = frameworkKey(l.framework);
    const first = seen.get(key);
    if (first) issues.push({ file: l.file, path: 'version', message: `duplicate framework version ${key} (also in ${first})` });
    seen.set(key, l.file);
  }
  if (issues.length) throw new FrameworkValidationError(issues);
  return loaded;
}

export function loadPolicies(dir = POLICIES_DIR, frameworks: Framework[] = loadFrameworks().map((l) => l.framework)): LoadedPolicy[] {
  const issues: FrameworkIssue[] = [];
  const loaded: LoadedPolicy[] = [];
  for (const path of yamlFiles(dir)) {
    const file = relative(process.cwd(), path) || path;
    const { value, issues: yamlIssues } = parseYaml(readFileSync(path, 'utf8'), file);
    if (yamlIssues.length) { issues.push(...yamlIssues); continue; }
    const r = validateAutonomyPolicy(value, file, frameworks);
    if (r.ok) loaded.push({ policy: r.policy, file, checksum: contentChecksum(r.policy) });
    else issues.push(...r.issues);
  }
  if (issues.length) throw new FrameworkValidationError(issues);
  return loaded;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort().map((n) => join(dir, n));
}
