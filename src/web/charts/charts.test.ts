import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spinePosition } from './profile-charts.ts';
import { tableToCsv, subtitleLines } from './frame.ts';
import { outcomeScale, outcomeStyle } from './colours.ts';

describe('chart helpers', () => {
  it('places the benchmark in the centre and the best to the right whatever the polarity', () => {
    assert.equal(spinePosition(50, 50, 100, 10), 0.5);
    assert.equal(spinePosition(10, 50, 100, 10), 0.5 + (0.5 * 40) / 50, 'low is good: best is right of centre');
    assert.equal(spinePosition(100, 50, 100, 10), 0);
    assert.equal(spinePosition(100, 50, 10, 100), 1);
    assert.equal(spinePosition(null, 50, 10, 100), null);
  });

  it('writes RFC 4180 CSV with quoted fields', () => {
    const csv = tableToCsv({ caption: '', columns: [{ key: 'a', label: 'Area' }, { key: 'v', label: 'Value' }], rows: [{ a: 'Barking, "B&D"', v: 1.5 }, { a: 'X', v: null }] });
    assert.equal(csv, 'Area,Value\r\n"Barking, ""B&D""",1.5\r\nX,\r\n');
  });

  it('names the period, benchmark, confidence and source under every title', () => {
    assert.deepEqual(subtitleLines({ title: 't', period: '2008-09', benchmark: 'England', confidence: '95%', source: 'HES' }),
      ['Period: 2008-09 · Benchmark: England', 'Confidence: 95% · Source: HES']);
  });

  it('maps outcomes to one NHS colour and tag each, legend limited to what is present', () => {
    assert.equal(outcomeStyle('worse').tag, 'red');
    assert.equal(outcomeStyle('worse').hex, '#d5281b');
    assert.equal(outcomeStyle(null).tag, 'grey');
    assert.deepEqual(outcomeScale(['similar', 'worse']), { domain: ['Similar', 'Worse (95%)'], range: ['#ffb81c', '#d5281b'] });
  });
});
