import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ErrorCode, ErrorResult } from '../../common/errors/error-result.js';

/** What the mutation names is not there (or not the caller's to know about). */
@ObjectType({ implements: () => [ErrorResult] })
export class ImpactNotFoundError extends ErrorResult {
  @Field({ description: 'What was not found: OFFLINE_SALE, SURVEY_TASK, UPPKA_GROUP, SELLER, KAMPUNG' })
  subject: string;

  constructor(subject: 'OFFLINE_SALE' | 'SURVEY_TASK' | 'UPPKA_GROUP' | 'SELLER' | 'KAMPUNG') {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_FOUND, subject, message: `${subject.toLowerCase().replace('_', ' ')} not found` });
  }
}

/** Past its correction window: a record may be corrected for 7 days, then it stays as it is. */
@ObjectType({ implements: () => [ErrorResult] })
export class RecordLockedError extends ErrorResult {
  @Field()
  editableUntil: Date;

  constructor(editableUntil: Date) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, editableUntil, message: 'It can no longer be changed (7 days have passed)' });
  }
}

/** A group of this kampung KB has this name already. */
@ObjectType({ implements: () => [ErrorResult] })
export class UppkaGroupNameTakenError extends ErrorResult {
  @Field(() => ID)
  existingGroupKampungId: string;

  constructor(kampungId: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.ALREADY_EXISTS, existingGroupKampungId: kampungId, message: 'This kampung KB already has a group with this name' });
  }
}

/** An UPPKA group's members live in its kampung KB. */
@ObjectType({ implements: () => [ErrorResult] })
export class SellerOutsideKampungError extends ErrorResult {
  @Field(() => ID)
  sellerKampungId: string;

  constructor(sellerKampungId: string) {
    super();
    Object.assign(this, { errorCode: ErrorCode.NOT_ALLOWED_NOW, sellerKampungId, message: 'The seller lives in another kampung KB than the group' });
  }
}
