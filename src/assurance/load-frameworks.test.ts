import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OversightFramework, WccFramework } from './framework.ts';
import { allMetrics, allSubIndicators, scoredCompetencies } from './framework.ts';
import { FRAMEWORKS_DIR, loadFrameworks, loadFrameworkText, loadPolicies } from './load-frameworks.ts';
import { FrameworkValidationError } from './validate-framework.ts';

const loaded = loadFrameworks();
const byVersion = (v: string) => loaded.find((l) => l.framework.version === v)?.framework;

test('every framework file in the repository validates', () => {
  assert.deepEqual(loaded.map((l) => `${l.framework.id}@${l.framework.version}`).sort(),
    ['nhs-oversight@2025-26', 'wcc@2008-09', 'wcc@2009-10']);
  for (const l of loaded) assert.match(l.checksum, /^[0-9a-f]{64}$/);
});

test('2008/09 scores 10 competencies and describes competency 11 without scoring it', () => {
  const f = byVersion('2008-09') as WccFramework;
  assert.equal(f.competencies.length, 11);
  assert.deepEqual(scoredCompetencies(f).map((c) => c.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(f.competencies[10].scored, false);
  assert.deepEqual(f.governance.areas.map((a) => [a.id, a.subIndicators.length]), [['strategy', 4], ['finance', 7], ['board', 4]],
    'finance sits within governance, with investment decisions (F7) while competency 11 is not scored');
});

test('2009/10 scores 11 competencies and has 16 governance sub-indicators across strategy, finance and board', () => {
  const f = byVersion('2009-10') as WccFramework;
  assert.equal(scoredCompetencies(f).length, 11);
  assert.deepEqual(f.governance.areas.map((a) => a.id), ['strategy', 'finance', 'board']);
  assert.equal(allSubIndicators(f).length, 16);
});

test('every WCC competency has 3–5 sub-criteria, each with 4 distinct descriptors and named evidence', () => {
  for (const f of loaded.map((l) => l.framework).filter((x): x is WccFramework => x.era === 'wcc')) {
    for (const c of f.competencies) {
      assert.ok(c.subCriteria.length >= 3 && c.subCriteria.length <= 5, `${f.version} competency ${c.number}`);
      for (const s of c.subCriteria) {
        const d = Object.values(s.descriptors);
        assert.equal(d.length, 4, `${f.version} ${s.number}`);
        assert.equal(new Set(d).size, 4, `${f.version} ${s.number} descriptors are distinct`);
        assert.ok(d.every((t) => t.length >= 60), `${f.version} ${s.number} descriptors are substantive`);
        assert.ok(s.evidence.documents.length + s.evidence.metrics.length > 0 || s.evidence.survey);
      }
    }
  }
});

test('competency 5 covers JSNA, actuarial analysis, segmentation and risk stratification', () => {
  const f = byVersion('2009-10') as WccFramework;
  const text = f.competencies[4].subCriteria.map((s) => `${s.title} ${Object.values(s.descriptors).join(' ')}`).join(' ').toLowerCase();
  for (const term of ['jsna', 'actuarial', 'segment', 'risk stratification']) assert.ok(text.includes(term), term);
});

test('the survey maps Likert items to every scored competency and withholds groups under 5', () => {
  for (const v of ['2008-09', '2009-10']) {
    const f = byVersion(v) as WccFramework;
    const mapped = new Set(f.survey.items.filter((i) => i.kind === 'likert').map((i) => i.competency));
    for (const c of scoredCompetencies(f)) assert.ok(mapped.has(c.number), `${v} competency ${c.number}`);
    assert.ok(f.survey.items.some((i) => i.kind === 'free_text'));
    assert.equal(f.survey.minimumGroupSize, 5);
    assert.equal(f.survey.stakeholderGroups.length, 5);
  }
});

test('the oversight framework has segments 1–4 by score and 5 by override only', () => {
  const f = byVersion('2025-26') as OversightFramework;
  assert.deepEqual(f.oversight.segments.map((s) => [s.segment, s.assignedByOverrideOnly ?? false]),
    [[1, false], [2, false], [3, false], [4, false], [5, true]]);
  assert.ok(allMetrics(f).length >= f.oversight.minimumMetrics);
});

test('the checksum ignores comments and layout but changes with content', () => {
  const text = readFileSync(join(FRAMEWORKS_DIR, 'wcc-2009-10.yaml'), 'utf8');
  const a = loadFrameworkText(text, 'wcc-2009-10.yaml');
  const b = loadFrameworkText(`# a new comment\n${text}\n\n`, 'wcc-2009-10.yaml');
  const c = loadFrameworkText(text.replace('Locally lead the NHS', 'Lead the local NHS'), 'wcc-2009-10.yaml');
  assert.equal(a.checksum, b.checksum);
  assert.notEqual(a.checksum, c.checksum);
});

test('a directory with a broken file and a duplicate version reports both files precisely', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcc-frameworks-'));
  try {
    const text = readFileSync(join(FRAMEWORKS_DIR, 'wcc-2009-10.yaml'), 'utf8');
    writeFileSync(join(dir, 'wcc-2009-10.yaml'), text);
    writeFileSync(join(dir, 'wcc-2010-11.yaml'), text.replace('version: "2009-10"', 'version: "2010-11"').replace('type: lowest_but_one', 'type: second_lowest'));
    writeFileSync(join(dir, 'copy.yaml'), text);
    assert.throws(() => loadFrameworks(dir), (e: unknown) => {
      assert.ok(e instanceof FrameworkValidationError);
      const lines = e.issues.map((i) => `${i.file.split('/').pop()}: ${i.path}: ${i.message}`);
      assert.ok(lines.some((l) => l.startsWith('wcc-2010-11.yaml: competencyRollup.type: unknown competency roll-up rule type "second_lowest"')), lines.join('\n'));
      assert.ok(lines.some((l) => l.startsWith('copy.yaml: (file name): a framework with id "wcc" and version "2009-10" must be in a file named wcc-2009-10.yaml')), lines.join('\n'));
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('YAML syntax errors and duplicate keys are reported against the file', () => {
  assert.throws(() => loadFrameworkText('id: wcc\nid: other\n', 'dup.yaml'),
    (e: unknown) => e instanceof FrameworkValidationError && e.issues[0].file === 'dup.yaml' && e.issues[0].path === '(yaml)');
});

test('the autonomy policies validate against the loaded frameworks', () => {
  const policies = loadPolicies();
  assert.equal(policies.length, 1);
  const p = policies[0].policy;
  assert.equal(p.framework, 'wcc');
  assert.equal(p.rules.find((r) => r.status === 'on-notice')?.maxCount, 7);
  assert.equal(p.rules.find((r) => r.status === 'freedoms')?.maxCount, 15);
});
