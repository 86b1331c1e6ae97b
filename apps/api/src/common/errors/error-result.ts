import { type Type } from '@nestjs/common';
import { createUnionType, Field, Int, InterfaceType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Bounds } from '@karya-ibu/types/rules';

/**
 * Expected outcomes of a mutation are part of the schema (Vendure's ErrorResult): a mutation returns
 * `XResult = X | SomeError | OtherError`, each error implementing `ErrorResult { errorCode message }`
 * with typed fields a client can act on. The client switches on `__typename` (or `errorCode`) and
 * writes its own words: `message` is plain English for developers and logs, never shown as is.
 *
 * Thrown instead: UNAUTHENTICATED / FORBIDDEN (who may call at all), malformed arguments
 * (BAD_USER_INPUT naming the argument: an id that is not one, a cursor we never gave), limits
 * (TOO_MANY_REQUESTS, QUERY_TOO_COMPLEX…) and unexpected failures (masked INTERNAL_SERVER_ERROR).
 *
 * Which is which, where it is not obvious: the thing a mutation acts on missing is a NotFoundError; a
 * value of its input naming something unknown (a motif, a cohort, an account) is an InvalidInputError
 * UNKNOWN_OPTION beside that field. A role that may never do this is FORBIDDEN (a buyer managing a
 * shop); someone who may do it, only not to this one, gets a result (a pendamping and another
 * kampung's seller: NotYourSellerError). An error result commits nothing: the transaction it was
 * decided in rolls back (TransactionalConnection.withTransaction).
 *
 * One code per error type, so a client can word each by its code alone (and the typed fields). Typed
 * fields of different types have different names (`photoProblem`, `fileProblem`), so one client
 * fragment can select every error's fields beside any success type.
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
  /** Wrong phone/email or password at sign-in (which of the two is not told). */
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  /** A password reset code that is wrong, used, expired or tried too often. */
  INVALID_RESET_CODE = 'INVALID_RESET_CODE',
  /** She has a seller profile already (one per account). */
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  /** A pendamping acting for a seller outside the kampung KB she assists. */
  NOT_YOUR_SELLER = 'NOT_YOUR_SELLER',
  /** The shop is not verified (yet): nothing can be managed in it. */
  SELLER_NOT_VERIFIED = 'SELLER_NOT_VERIFIED',
  /** A verified seller cannot be rejected. */
  SELLER_ALREADY_VERIFIED = 'SELLER_ALREADY_VERIFIED',
  /** An archived product is off sale for good. */
  PRODUCT_ARCHIVED = 'PRODUCT_ARCHIVED',
  /** The photo file is not one we take (type, size, pixels, unreadable, not uploaded). */
  PHOTO_FILE_REJECTED = 'PHOTO_FILE_REJECTED',
  /** The product has as many photos as it may. */
  TOO_MANY_PHOTOS = 'TOO_MANY_PHOTOS',
  /** The photos changed since the client listed them (another tab, her pendamping). */
  PHOTO_ORDER_OUTDATED = 'PHOTO_ORDER_OUTDATED',
  /** The roster file cannot be read as a roster as a whole (row problems are in the report). */
  ROSTER_FILE_UNREADABLE = 'ROSTER_FILE_UNREADABLE',
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

/** What can be wrong with one field; the values of the GraphQL enum InputProblem. */
export const INPUT_PROBLEMS = {
  REQUIRED: 'REQUIRED',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  BAD_FORMAT: 'BAD_FORMAT',
  UNKNOWN_OPTION: 'UNKNOWN_OPTION',
  /** The same value twice where it must be unique (a phone on two lines of one roster file). */
  DUPLICATE: 'DUPLICATE',
} as const;
registerEnumType(INPUT_PROBLEMS, { name: 'InputProblem', description: 'What is wrong with a field, for the client to word' });

export type InvalidInputProblem = keyof typeof INPUT_PROBLEMS;

/** One field of the input breaks a rule: which field, and the bounds when the rule has them. */
@ObjectType({ implements: () => [ErrorResult] })
export class InvalidInputError extends ErrorResult {
  @Field({ description: 'The input path, e.g. input.title or stock' })
  field: string;

  @Field(() => INPUT_PROBLEMS)
  problem: InvalidInputProblem;

  @Field(() => Int, { nullable: true, description: 'The lower bound of the rule (a length, a number), when it has one' })
  min: number | null;

  @Field(() => Int, { nullable: true, description: 'The upper bound, when it has one that fits an Int (amounts of rupiah beyond it: null)' })
  max: number | null;

  constructor(field: string, problem: InvalidInputProblem, message: string, bounds: { min?: number; max?: number } = {}) {
    super();
    Object.assign(this, { errorCode: ErrorCode.INVALID_INPUT, field, problem, message, min: bounds.min ?? null, max: bounds.max ?? null });
  }
}

/** REQUIRED (empty), TOO_SHORT or TOO_LONG for a text outside its bounds, with them; null when it fits. */
export function lengthError(field: string, text: string, { min, max }: Bounds): InvalidInputError | null {
  if (text.length >= min && text.length <= max) return null;
  const problem = text.length === 0 ? 'REQUIRED' : text.length < min ? 'TOO_SHORT' : 'TOO_LONG';
  return new InvalidInputError(field, problem, `${field}: must be ${min}–${max} characters`, { min, max });
}

/** OUT_OF_RANGE, with the bounds, for a number that is not a whole number within them; null when it is. */
export function rangeError(field: string, value: number, { min, max }: Bounds): InvalidInputError | null {
  if (Number.isInteger(value) && value >= min && value <= max) return null;
  return new InvalidInputError(field, 'OUT_OF_RANGE', `${field}: must be a whole number from ${min} to ${max}`, { min, max });
}

/** What a NotFoundError is about. */
export enum EntityKind {
  PRODUCT = 'PRODUCT',
  PHOTO = 'PHOTO',
  SELLER = 'SELLER',
  KAMPUNG = 'KAMPUNG',
  TRAINING_PROGRAM = 'TRAINING_PROGRAM',
  CART = 'CART',
  CART_LINE = 'CART_LINE',
  ORDER = 'ORDER',
  SAVED_ADDRESS = 'SAVED_ADDRESS',
  SHIPPING_RATE = 'SHIPPING_RATE',
  REFUND = 'REFUND',
}
registerEnumType(EntityKind, { name: 'EntityKind' });

/** The thing the mutation acts on is not there (removed meanwhile, or never was), or is not the caller's to know about. */
@ObjectType({ implements: () => [ErrorResult] })
export class NotFoundError extends ErrorResult {
  @Field(() => EntityKind)
  entity: EntityKind;

  constructor(entity: EntityKind) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_FOUND, entity, message: `${entity.toLowerCase().replace('_', ' ')} not found` });
  }
}

/** A value that must be unique is taken: which input field holds it. */
@ObjectType({ implements: () => [ErrorResult] })
export class AlreadyExistsError extends ErrorResult {
  @Field({ description: 'The input path of the taken value, e.g. input.phone' })
  field: string;

  constructor(field: string, message: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.ALREADY_EXISTS, field, message });
  }
}

/** Success of a mutation that has nothing else to answer. */
@ObjectType()
export class Success {
  @Field()
  success: boolean;
}

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

