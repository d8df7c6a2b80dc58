import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnswers } from './survey-answers.ts';
import type { Survey } from './framework.ts';
import { AppError } from '../platform/errors.ts';

const survey: Survey = {
  scale: { min: 1, max: 5, labels: ['a', 'b', 'c', 'd', 'e'], allowDontKnow: true }, minimumGroupSize: 5,
  stakeholderGroups: [{ id: 'gp', title: 'GP' }, { id: 'la', title: 'LA' }],
  items: [{ id: 'Q1', competency: 1, kind: 'likert', text: 'x' }, { id: 'Q2', competency: 4, kind: 'likert', text: 'y', groups: ['gp'] },
    { id: 'Q3', competency: null, kind: 'free_text', text: 'z' }],
};

test('keeps Likert answers (don\'t know as null) and non-empty free text', () => {
  assert.deepEqual(checkAnswers(survey, 'gp', [{ itemId: 'Q1', value: 5 }, { itemId: 'Q2', value: null }, { itemId: 'Q3', text: '  ' }]),
    [{ item_id: 'Q1', value: 5, text: null }, { item_id: 'Q2', value: null, text: null }]);
  assert.deepEqual(checkAnswers(survey, 'la', [{ itemId: 'Q3', text: ' Listens well ' }]), [{ item_id: 'Q3', value: null, text: 'Listens well' }]);
});

test('refuses items not asked of the group, repeats and values off the scale, naming each', () => {
  try {
    checkAnswers(survey, 'la', [{ itemId: 'Q2', value: 3 }, { itemId: 'Q1', value: 6 }, { itemId: 'Q1', value: 2 }]);
    assert.fail('expected a refusal');
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.deepEqual(e.errors?.map((x) => x.path), ['answers/0/itemId', 'answers/1/value', 'answers/2/itemId']);
  }
});
