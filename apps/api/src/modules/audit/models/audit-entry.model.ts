import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuditEntryEntity } from '../entities/audit-entry.entity.js';

@ObjectType('AuditEntry', { description: 'One change to a seller\'s things; onBehalf shows "dibantu oleh <actorName>"' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field()
  action: string;

  @Field()
  actorName: string;

  @Field()
  onBehalf: boolean;

  @Field()
  subjectType: string;

  @Field(() => ID)
  subjectId: string;

  @Field(() => String, { nullable: true, description: 'JSON of the state before' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the state after' })
  after: string | null;

  @Field()
  createdAt: Date;
}

export const toAuditEntryModel = (entity: AuditEntryEntity): AuditEntry => ({
  id: entity.id,
  action: entity.action,
  actorName: entity.actorName,
  onBehalf: entity.onBehalf,
  subjectType: entity.subjectType,
  subjectId: entity.subjectId,
  before: entity.before ? JSON.stringify(entity.before) : null,
  after: entity.after ? JSON.stringify(entity.after) : null,
  createdAt: entity.createdAt,
});
