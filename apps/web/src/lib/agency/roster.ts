/** Roster import results: merging chunk answers into one report for the whole file, and counting. */

export const OUTCOMES = ['NEW', 'UPDATED', 'UNCHANGED', 'INVALID'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface RosterRow {
  line: number;
  name: string;
  phone: string | null;
  kampung: string;
  baselineMonthlyIncomeIdr: string | null;
  outcome: Outcome;
  errors: { field: string; message: string }[];
}

export type OutcomeCounts = Record<Outcome, number>;

export interface RosterReport {
  /** False for a preview: nothing was saved. */
  applied: boolean;
  rows: RosterRow[];
  counts: OutcomeCounts;
}

export function countOutcomes(rows: readonly Pick<RosterRow, 'outcome'>[]): OutcomeCounts {
  const counts: OutcomeCounts = { NEW: 0, UPDATED: 0, UNCHANGED: 0, INVALID: 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}

/** One API answer for one chunk, with the file-wide line number of each record the chunk held. */
export interface ChunkAnswer {
  lines: readonly number[];
  rows: readonly RosterRow[];
}

/**
 * One report for the file: chunk line numbers become file line numbers, rows are sorted by line, and
 * a phone seen in an earlier chunk is marked INVALID as the API does within one file (each chunk
 * alone cannot see it). `extraRows` (e.g. invalid rows from the preview) are added as they are.
 */
export function mergeChunkAnswers(
  answers: readonly ChunkAnswer[],
  { applied, duplicateMessage, extraRows = [] }: { applied: boolean; duplicateMessage: string; extraRows?: readonly RosterRow[] }
): RosterReport {
  const rows: RosterRow[] = [...extraRows.map((row) => ({ ...row, errors: [...row.errors] }))];
  for (const answer of answers) {
    for (const row of answer.rows) {
      rows.push({ ...row, errors: [...row.errors], line: answer.lines[row.line - 2] ?? row.line });
    }
  }
  rows.sort((a, b) => a.line - b.line);

  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.phone) continue;
    if (seen.has(row.phone) && !row.errors.some((e) => e.field === 'telepon')) {
      row.errors.push({ field: 'telepon', message: duplicateMessage });
      row.outcome = 'INVALID';
    }
    seen.add(row.phone);
  }
  return { applied, rows, counts: countOutcomes(rows) };
}

/** The lines a preview found invalid: left out of the real import so chunks cannot disagree with it. */
export function invalidLines(report: Pick<RosterReport, 'rows'>): Set<number> {
  return new Set(report.rows.filter((row) => row.outcome === 'INVALID').map((row) => row.line));
}
