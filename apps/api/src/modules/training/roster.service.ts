import { Injectable } from '@nestjs/common';
import { MAX_ROSTER_CSV_CHARS, MAX_ROSTER_ROWS } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { EntityKind, InvalidInputError, NotFoundError } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { KampungService } from '../kampung/kampung.service.js';
import { RosterRowOutcome, toRosterEntryModel, type RosterEntry, type RosterRowResult } from './models/roster.model.js';
import { readRosterCsv, RosterCsvError } from './roster-csv.js';
import { RosterRepository } from './roster.repository.js';
import { RosterFileError, RosterFileProblem, type ImportRosterResult } from './training.errors.js';
import { TrainingRepository } from './training.repository.js';

const MAX_CSV_CHARS = MAX_ROSTER_CSV_CHARS;
const MAX_ROWS = MAX_ROSTER_ROWS;

@Injectable()
export class RosterService {
  constructor(
    private readonly entries: RosterRepository,
    private readonly training: TrainingRepository,
    private readonly kampung: KampungService,
  ) {}

  /**
   * Reads a roster CSV for a cohort. With dryRun it only reports what each line would do; otherwise it
   * saves the valid lines in one statement. Matching is by phone: the same file twice changes nothing.
   */
  async importRoster(ctx: RequestContext, trainingProgramId: string, csv: string, dryRun: boolean): Promise<typeof ImportRosterResult> {
    if (!isUuid(trainingProgramId)) throw badInput('trainingProgramId', `"${trainingProgramId}" is not an id returned by this API`);
    if (!(await this.training.findProgramById(ctx, trainingProgramId))) return new NotFoundError(EntityKind.TRAINING_PROGRAM);
    if (csv.length > MAX_CSV_CHARS) return new InvalidInputError('csv', 'TOO_LONG', `csv: at most ${MAX_CSV_CHARS} characters`, { min: 0, max: MAX_CSV_CHARS });
    const kampungByName = new Map((await this.kampung.listKampungs(ctx)).map((k) => [k.name.toLowerCase(), k.id]));
    let parsed;
    try {
      parsed = readRosterCsv(csv, (name) => kampungByName.has(name.trim().toLowerCase()));
    } catch (error) {
      if (error instanceof RosterCsvError) return error.result;
      throw error;
    }
    if (parsed.length > MAX_ROWS) return new RosterFileError(RosterFileProblem.TOO_MANY_ROWS, `At most ${MAX_ROWS} rows per import`, { max: MAX_ROWS });

    const phones = parsed.flatMap((row) => (row.phone ? [row.phone] : []));
    const existing = new Map((await this.entries.findInProgramByPhones(ctx, trainingProgramId, phones)).map((e) => [e.phone, e]));

    const rows: RosterRowResult[] = parsed.map((row) => {
      const base = { line: row.line, name: row.name, phone: row.phone, kampung: row.kampung, baselineMonthlyIncomeIdr: row.baselineMonthlyIncomeIdr, errors: row.errors };
      if (row.errors.length) return { ...base, outcome: RosterRowOutcome.INVALID };
      const current = existing.get(row.phone!);
      const kampungId = kampungByName.get(row.kampung.toLowerCase())!;
      if (!current) return { ...base, outcome: RosterRowOutcome.NEW };
      const same = current.name === row.name && current.kampungId === kampungId && current.baselineMonthlyIncomeIdr === row.baselineMonthlyIncomeIdr;
      return { ...base, outcome: same ? RosterRowOutcome.UNCHANGED : RosterRowOutcome.UPDATED };
    });

    const toSave = rows.filter((row) => row.outcome === RosterRowOutcome.NEW || row.outcome === RosterRowOutcome.UPDATED);
    if (!dryRun && toSave.length) {
      await this.entries.upsert(
        ctx,
        toSave.map((row) => ({
          trainingProgramId,
          name: row.name,
          phone: row.phone!,
          kampungId: kampungByName.get(row.kampung.toLowerCase())!,
          baselineMonthlyIncomeIdr: row.baselineMonthlyIncomeIdr!,
          isDemo: false, // DP3AKB's own line from now on, even where it replaces a demo one
        })),
      );
    }
    const count = (outcome: RosterRowOutcome) => rows.filter((row) => row.outcome === outcome).length;
    return {
      applied: !dryRun,
      newCount: count(RosterRowOutcome.NEW),
      updatedCount: count(RosterRowOutcome.UPDATED),
      unchangedCount: count(RosterRowOutcome.UNCHANGED),
      invalidCount: count(RosterRowOutcome.INVALID),
      rows,
    };
  }

  async rosterOf(ctx: RequestContext, trainingProgramId: string): Promise<RosterEntry[]> {
    if (!isUuid(trainingProgramId)) return [];
    return (await this.entries.findByProgram(ctx, trainingProgramId)).map(toRosterEntryModel);
  }

  /** Roster lines by id (any cohort); unknown ids are left out. */
  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<RosterEntry[]> {
    return (await this.entries.findByIds(ctx, ids.filter(isUuid))).map(toRosterEntryModel);
  }

  /** Roster lines with these phone numbers (how an applicant is checked against her cohort). */
  async findByPhones(ctx: RequestContext, phones: readonly string[]): Promise<RosterEntry[]> {
    return (await this.entries.findByPhones(ctx, phones)).map(toRosterEntryModel);
  }
}
