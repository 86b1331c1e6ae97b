import { describe, expect, it } from 'vitest';
import { countOutcomes, invalidLines, mergeChunkAnswers, type RosterRow } from './roster';

const row = (line: number, phone: string | null, outcome: RosterRow['outcome'] = 'NEW', errors: RosterRow['errors'] = []): RosterRow => ({
  line,
  name: `Ibu ${line}`,
  phone,
  kampung: 'Karang Jati',
  baselineMonthlyIncomeIdr: '1500000',
  outcome,
  errors
});
const DUP = 'duplicate';

describe('countOutcomes', () => {
  it('counts every outcome, zero included', () => {
    expect(countOutcomes([row(2, 'a'), row(3, 'b', 'INVALID'), row(4, 'c', 'NEW'), row(5, 'd', 'UNCHANGED')])).toEqual({
      NEW: 2,
      UPDATED: 0,
      UNCHANGED: 1,
      INVALID: 1
    });
  });
});

describe('mergeChunkAnswers', () => {
  it('turns chunk line numbers into file line numbers and sorts', () => {
    const report = mergeChunkAnswers(
      [
        { lines: [202, 203], rows: [row(2, '+62811'), row(3, '+62812', 'UNCHANGED')] },
        { lines: [2, 3], rows: [row(2, '+62813'), row(3, null, 'INVALID', [{ field: 'telepon', message: 'x' }])] }
      ],
      { applied: false, duplicateMessage: DUP }
    );
    expect(report.rows.map((r) => r.line)).toEqual([2, 3, 202, 203]);
    expect(report.counts).toEqual({ NEW: 2, UPDATED: 0, UNCHANGED: 1, INVALID: 1 });
    expect(report.applied).toBe(false);
  });

  it('marks a phone already seen in an earlier chunk as a duplicate, as the API does within one file', () => {
    const report = mergeChunkAnswers(
      [
        { lines: [2], rows: [row(2, '+62811')] },
        { lines: [3], rows: [row(2, '+62811')] }
      ],
      { applied: false, duplicateMessage: DUP }
    );
    expect(report.rows[1]).toMatchObject({ line: 3, outcome: 'INVALID', errors: [{ field: 'telepon', message: DUP }] });
    expect(report.rows[0].outcome).toBe('NEW');
  });

  it('does not add a second phone error to a row the API already flagged', () => {
    const flagged = row(3, '+62811', 'INVALID', [{ field: 'telepon', message: 'API says duplicate' }]);
    const report = mergeChunkAnswers([{ lines: [2, 3], rows: [row(2, '+62811'), flagged] }], { applied: true, duplicateMessage: DUP });
    expect(report.rows[1].errors).toHaveLength(1);
  });

  it('adds extra rows (the preview\'s invalid ones) to an import result', () => {
    const invalid = row(3, null, 'INVALID', [{ field: 'telepon', message: 'bad' }]);
    const report = mergeChunkAnswers([{ lines: [2, 4], rows: [row(2, '+62811', 'UNCHANGED'), row(3, '+62812', 'UNCHANGED')] }], {
      applied: true,
      duplicateMessage: DUP,
      extraRows: [invalid]
    });
    expect(report.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'UNCHANGED'],
      [3, 'INVALID'],
      [4, 'UNCHANGED']
    ]);
    expect(report.counts).toEqual({ NEW: 0, UPDATED: 0, UNCHANGED: 2, INVALID: 1 });
  });

  it('does not change the answers it was given', () => {
    const original = row(2, '+62811');
    mergeChunkAnswers([{ lines: [10], rows: [original] }], { applied: false, duplicateMessage: DUP });
    expect(original.line).toBe(2);
  });
});

describe('invalidLines', () => {
  it('lists the lines of invalid rows', () => {
    expect([...invalidLines({ rows: [row(2, 'a'), row(3, null, 'INVALID'), row(9, 'b', 'INVALID')] })]).toEqual([3, 9]);
  });
});
