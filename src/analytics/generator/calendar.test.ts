import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf, financialYearOf, hesAge, hesFyear, isoDate } from './calendar.js';

test('dates, financial years and HES infant ages follow the HES conventions', () => {
  assert.equal(isoDate(dayOf(2008, 4, 1)), '2008-04-01');
  assert.equal(financialYearOf(dayOf(2009, 3, 31)), 2008);
  assert.equal(financialYearOf(dayOf(2009, 4, 1)), 2009);
  assert.equal(hesFyear(2008), '0809');
  assert.equal(hesFyear(2009), '0910');
  const dob = dayOf(2008, 1, 1);
  assert.equal(hesAge(dob, dob), 7001);
  assert.equal(hesAge(dob, dob + 10), 7003);
  assert.equal(hesAge(dob, dob + 300), 7007);
  assert.equal(hesAge(dob, dob + 800), 2);
});
