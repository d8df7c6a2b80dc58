import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { draftProblems, nextStatus, submissionProblems, type CycleConfig } from './selection-model.ts';

const cycle: CycleConfig = { year: '2008-09', baselinePeriod: '2007-08', trajectoryYears: 5, localOutcomes: 2, mandated: ['le-m'] };
const choice = (id: string, rationale = 'why') => ({ indicatorId: id, mandated: id === 'le-m', milestones: [1, 2, 3, 4, 5, 6], rationale });

describe('outcome selection workflow', () => {
  it('lets a draft or returned selection be saved and submitted, and keeps a returned one returned while editing', () => {
    assert.deepEqual(nextStatus('draft', 'submit'), { ok: true, status: 'submitted' });
    assert.deepEqual(nextStatus('returned', 'submit'), { ok: true, status: 'submitted' });
    assert.deepEqual(nextStatus('returned', 'save'), { ok: true, status: 'returned' });
    assert.deepEqual(nextStatus('draft', 'save'), { ok: true, status: 'draft' });
  });

  it('lets the SHA decide only on a submitted selection', () => {
    assert.deepEqual(nextStatus('submitted', 'approve'), { ok: true, status: 'approved' });
    assert.deepEqual(nextStatus('submitted', 'return'), { ok: true, status: 'returned' });
    assert.equal(nextStatus('draft', 'approve').ok, false);
    assert.equal(nextStatus('submitted', 'save').ok, false);
  });

  it('refuses every step once approved, saying it is locked', () => {
    for (const step of ['save', 'submit', 'return', 'approve'] as const) {
      const r = nextStatus('approved', step);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, /locked/);
    }
  });

  it('needs the mandated outcomes, exactly the configured number of local ones, full trajectories and rationales to submit', () => {
    assert.deepEqual(submissionProblems(cycle, [choice('le-m'), choice('a'), choice('b')]), []);
    assert.match(submissionProblems(cycle, [choice('a'), choice('b')]).join(' '), /mandated outcome le-m is missing/);
    assert.match(submissionProblems(cycle, [choice('le-m'), choice('a')]).join(' '), /exactly 2 local outcomes \(you have 1\)/);
    assert.match(submissionProblems(cycle, [choice('le-m'), choice('a'), choice('b', '  ')]).join(' '), /b: write a rationale/);
    assert.match(submissionProblems(cycle, [choice('le-m'), choice('a'), { ...choice('b'), milestones: [1, 2] }]).join(' '), /b: the trajectory needs 5/);
  });

  it('lets a draft be incomplete but not over the limit or duplicated', () => {
    assert.deepEqual(draftProblems(cycle, [{ indicatorId: 'a' }]), []);
    assert.match(draftProblems(cycle, [{ indicatorId: 'a' }, { indicatorId: 'b' }, { indicatorId: 'c' }]).join(' '), /At most 2/);
    assert.match(draftProblems(cycle, [{ indicatorId: 'a' }, { indicatorId: 'a' }]).join(' '), /twice/);
  });
});
