import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult, InvalidInputError, NotFoundError, resultUnion } from '../../common/errors/error-result.js';
import { RosterImportReport } from './models/roster.model.js';
import { TrainingProgram } from './models/training-program.model.js';

export enum RosterFileProblem {
  EMPTY = 'EMPTY',
  /** The header lacks columns (`columns` names them: nama, telepon, kampung, penghasilan). */
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  /** A quote opened on `line` is never closed. */
  UNCLOSED_QUOTE = 'UNCLOSED_QUOTE',
  /** Not readable as CSV at all. */
  NOT_CSV = 'NOT_CSV',
  /** More rows than `max` in one import. */
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
}
registerEnumType(RosterFileProblem, { name: 'RosterFileProblem' });

/** The file as a whole cannot be imported; problems of single rows are in the report instead. */
@ObjectType({ implements: () => [ErrorResult] })
export class RosterFileError extends ErrorResult {
  @Field(() => RosterFileProblem)
  fileProblem: RosterFileProblem;

  @Field(() => Int, { nullable: true, description: 'The line of the file (UNCLOSED_QUOTE)' })
  line: number | null;

  @Field(() => [String], { description: 'The missing columns (MISSING_COLUMNS)' })
  columns: string[];

  @Field(() => Int, { nullable: true, description: 'The limit (TOO_MANY_ROWS)' })
  max: number | null;

  constructor(fileProblem: RosterFileProblem, message: string, details: { line?: number; columns?: string[]; max?: number } = {}) {
    super();
    Object.assign(this, { errorCode: ErrorCode.ROSTER_FILE_UNREADABLE, fileProblem, message, line: details.line ?? null, columns: details.columns ?? [], max: details.max ?? null });
  }
}

export const CreateTrainingProgramResult = resultUnion('CreateTrainingProgramResult', TrainingProgram, [InvalidInputError]);
export const UpdateTrainingProgramResult = resultUnion('UpdateTrainingProgramResult', TrainingProgram, [NotFoundError, InvalidInputError]);
export const ImportRosterResult = resultUnion('ImportRosterResult', RosterImportReport, [NotFoundError, InvalidInputError, RosterFileError]);
