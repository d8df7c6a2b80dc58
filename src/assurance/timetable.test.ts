import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTimetable, isPublished, phaseAt, selfAssessmentEditable, surveyIsOpen, type Timetable } from './timetable.ts';

const t: Timetable = {
  selfAssessmentDeadline: '2010-01-15T17:00:00Z', surveyOpens: '2009-11-02T09:00:00Z', surveyCloses: '2009-12-18T17:00:00Z',
  panelsFrom: '2010-02-01', panelsTo: '2010-03-12', calibrationBy: '2010-04-09', publicationAt: '2010-05-20T09:30:00Z',
};
const at = (iso: string) => new Date(iso);

test('a well-ordered timetable has no problems; an out-of-order one names the field', () => {
  assert.deepEqual(checkTimetable(t), []);
  assert.deepEqual(checkTimetable({ ...t, panelsFrom: '2010-01-10' }), [{ path: 'panelsFrom', message: 'must not be before selfAssessmentDeadline' }]);
  assert.deepEqual(checkTimetable({ ...t, publicationAt: '2010-04-09T12:00:00Z' }), [{ path: 'publicationAt', message: 'must not be before calibrationBy' }]);
  assert.deepEqual(checkTimetable({ ...t, surveyCloses: 'soon' }), [{ path: 'surveyCloses', message: '"soon" is not a date' }]);
});

test('the phase follows the timetable, with panel and calibration days counted whole', () => {
  assert.equal(phaseAt(t, at('2010-01-15T16:59:59Z')), 'self_assessment');
  assert.equal(phaseAt(t, at('2010-01-15T17:00:01Z')), 'panels');
  assert.equal(phaseAt(t, at('2010-03-12T23:59:00Z')), 'panels');
  assert.equal(phaseAt(t, at('2010-03-13T00:00:00Z')), 'calibration');
  assert.equal(phaseAt(t, at('2010-04-10T08:00:00Z')), 'awaiting_publication');
  assert.equal(phaseAt(t, at('2010-05-20T09:30:00Z')), 'published');
});

test('the survey window and publication are enforced to the minute', () => {
  assert.equal(surveyIsOpen(t, at('2009-11-02T08:59:00Z')), false);
  assert.equal(surveyIsOpen(t, at('2009-11-02T09:00:00Z')), true);
  assert.equal(surveyIsOpen(t, at('2009-12-18T17:00:00Z')), false);
  assert.equal(isPublished(t, at('2010-05-20T09:29:59Z')), false);
  assert.equal(isPublished(t, at('2010-05-20T09:30:00Z')), true);
});

test('a draft is editable until the deadline, then only while an SHA reopening runs; a submission is locked', () => {
  assert.equal(selfAssessmentEditable(t, at('2010-01-15T16:00:00Z'), 'draft').allowed, true);
  const late = selfAssessmentEditable(t, at('2010-01-18T10:00:00Z'), 'draft');
  assert.equal(late.allowed, false);
  assert.match(late.reason, /deadline .* has passed/);
  const reopened = selfAssessmentEditable(t, at('2010-01-18T10:00:00Z'), 'draft',
    [{ until: '2010-01-17T00:00:00Z', reason: 'expired' }, { until: '2010-01-20T17:00:00Z', reason: 'board meeting moved' }]);
  assert.deepEqual(reopened, { allowed: true, reason: 'reopened by the SHA until 2010-01-20T17:00:00Z: board meeting moved' });
  assert.equal(selfAssessmentEditable(t, at('2010-01-10T10:00:00Z'), 'submitted').allowed, false);
});
