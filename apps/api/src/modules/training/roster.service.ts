import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { MAX_ROSTER_CSV_CHARS, MAX_ROSTER_ROWS } from '@karya-ibu/types/rules';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { KampungService } from '../kampung/kampung.service.js';
import { RosterEntryEntity } from './entities/roster-entry.entity.js';
import { RosterRowOutcome, toRosterEntryModel, type RosterEntry, type RosterImportResult, type RosterRowResult } from './models/roster.model.js';
import { readRosterCsv, RosterCsvError } from './roster-csv.js';
import { TrainingRepository } from './training.repository.js';

const MAX_CSV_CHARS = MAX_ROSTER_CSV_CHARS;
const MAX_ROWS = MAX_ROSTER_ROWS;

@Injectable()
export class RosterService {
  constructor(
    @InjectRepository(RosterEntryEntity) private readonly entries: Repository<RosterEntryEntity>,
    private readonly training: TrainingRepository,
    private readonly kampung: KampungService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Reads a roster CSV for a cohort. With dryRun it only reports what each line would do; otherwise it
   * saves the valid lines in one transaction. Matching is by phone: the same file twice changes nothing.
   */
  async importRoster(_actor: Actor, trainingProgramId: string, csv: string, dryRun: boolean): Promise<RosterImportResult> {
    if (!isUuid(trainingProgramId) || !(await this.training.findProgramById(trainingProgramId))) {
      throw userError('NOT_FOUND', 'Pelatihan tidak ditemukan. (Training program not found.)');
    }
    if (csv.length > MAX_CSV_CHARS) throw badInput('csv', 'File terlalu besar (maks 2 MB). (File too large: at most 2 MB.)');
    const kampungByName = new Map((await this.kampung.listKampungs()).map((k) => [k.name.toLowerCase(), k.id]));
    let parsed;
    try {
      parsed = readRosterCsv(csv, (name) => kampungByName.has(name.trim().toLowerCase()));
    } catch (error) {
      if (error instanceof RosterCsvError) throw badInput('csv', error.message);
      throw error;
    }
    if (parsed.length > MAX_ROWS) throw badInput('csv', `Paling banyak ${MAX_ROWS} baris sekali impor. (At most ${MAX_ROWS} rows per import.)`);

    const phones = parsed.flatMap((row) => (row.phone ? [row.phone] : []));
    const existing = new Map((phones.length ? await this.entries.findBy({ trainingProgramId, phone: In(phones) }) : []).map((e) => [e.phone, e]));

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
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(RosterEntryEntity).upsert(
          toSave.map((row) => ({
            trainingProgramId,
            name: row.name,
            phone: row.phone!,
            kampungId: kampungByName.get(row.kampung.toLowerCase())!,
            baselineMonthlyIncomeIdr: row.baselineMonthlyIncomeIdr!,
          })),
          ['trainingProgramId', 'phone'],
        );
      });
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

  async rosterOf(trainingProgramId: string): Promise<RosterEntry[]> {
    if (!isUuid(trainingProgramId)) return [];
    return (await this.entries.find({ where: { trainingProgramId }, order: { name: 'ASC' } })).map(toRosterEntryModel);
  }

  /** Roster lines with these phone numbers (how an applicant is checked against her cohort). */
  async findByPhones(phones: readonly string[]): Promise<RosterEntry[]> {
    return phones.length ? (await this.entries.findBy({ phone: In([...phones]) })).map(toRosterEntryModel) : [];
  }
}
