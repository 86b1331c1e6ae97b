import { type Type } from '@nestjs/common';
import { createUnionType, Field, Int, InterfaceType, ObjectType, registerEnumType } from '@nestjs/graphql';

/**
 * Expected outcomes of a mutation are part of the schema (Vendure's ErrorResult): a mutation returns
 * `XResult = X | SomeError | OtherError`, each error implementing `ErrorResult { errorCode message }`
 * with typed fields a client can act on. The client switches on `__typename` (or `errorCode`) and
 * writes its own words: `message` is plain English for developers and logs, never shown as is.
 *
 * Thrown instead: UNAUTHENTICATED / FORBIDDEN (who may call at all), malformed arguments
 * (BAD_USER_INPUT naming the argument: an id that is not one, a cursor we never gave), limits
 * (TOO_MANY_REQUESTS, QUERY_TOO_COMPLEX…) and unexpected failures (masked INTERNAL_SERVER_ERROR).
 */
export enum ErrorCode {
  /** A field of the input breaks a rule the form can show beside it (length, range, format). */
  INVALID_INPUT = 'INVALID_INPUT',
  /** What the mutation names does not exist, or the caller may not know that it does. */
  NOT_FOUND = 'NOT_FOUND',
  /** The thing exists, but its state does not allow this (an archived product, a verified seller). */
  NOT_ALLOWED_NOW = 'NOT_ALLOWED_NOW',
  /** Something unique is taken already (a phone number, an application). */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
}
registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'What kind of expected outcome an ErrorResult is' });

@InterfaceType('ErrorResult', {
  description: 'An expected outcome of a mutation other than success; clients word it themselves',
  resolveType: (value: ErrorResult) => value.constructor as Type<ErrorResult>,
})
export abstract class ErrorResult {
  @Field(() => ErrorCode)
  errorCode: ErrorCode;

  @Field({ description: 'For developers and logs (English); the client shows its own words' })
  message: string;
}

/** One field of the input breaks a rule: which field, and the bounds when the rule has them. */
@ObjectType({ implements: () => [ErrorResult] })
export class InvalidInputError extends ErrorResult {
  @Field({ description: 'The input path, e.g. input.title or stock' })
  field: string;

  @Field({ description: 'What is wrong, for the client to word: REQUIRED, TOO_SHORT, TOO_LONG, OUT_OF_RANGE, BAD_FORMAT, UNKNOWN_OPTION' })
  problem: string;

  @Field(() => Int, { nullable: true })
  min: number | null;

  @Field(() => Int, { nullable: true })
  max: number | null;

  constructor(field: string, problem: InvalidInputProblem, message: string, bounds: { min?: number; max?: number } = {}) {
    super();
    Object.assign(this, { errorCode: ErrorCode.INVALID_INPUT, field, problem, message, min: bounds.min ?? null, max: bounds.max ?? null });
  }
}

export type InvalidInputProblem = 'REQUIRED' | 'TOO_SHORT' | 'TOO_LONG' | 'OUT_OF_RANGE' | 'BAD_FORMAT' | 'UNKNOWN_OPTION';

/**
 * A `Result` union of a success type and error types. Errors are instances of their classes,
 * successes plain models, so the union tells them apart by class.
 */
export function resultUnion<Success extends object>(name: string, success: Type<Success>, errors: Type<ErrorResult>[], description?: string) {
  return createUnionType({
    name,
    description,
    types: () => [success, ...errors] as const,
    resolveType: (value: object) => (value instanceof ErrorResult ? (value.constructor as Type<ErrorResult>) : success),
  });
}

/** Narrowing for callers inside the API (a service using another's result). */
export const isErrorResult = (value: unknown): value is ErrorResult => value instanceof ErrorResult;

/** What the mutation names does not exist, or is not the caller's to know about. */
@ObjectType({ implements: () => [ErrorResult] })
export class NotFoundError extends ErrorResult {
  constructor(message: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_FOUND, message });
  }
}
