import { Injectable } from '@nestjs/common';
import type { Actor, RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';
import { toAuditEntryModel, type AuditEntry } from './models/audit-entry.model.js';

/** Whose things a change touched, and whether the actor is someone else acting for her (a pendamping, an admin, a reviewer). */
export interface ActingFor {
  seller: { id: string };
  onBehalf: boolean;
}

/** What changed: the action, its subject, and the audited state before and after. */
export interface AuditChange {
  action: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** How an entry names who acted: a person by her account, the system by name. */
export const actorColumns = (actor: Actor): Pick<AuditEntryEntity, 'actorUserId' | 'actorSystem' | 'actorName'> =>
  actor.kind === 'person'
    ? { actorUserId: actor.userId, actorSystem: null, actorName: actor.displayName }
    : { actorUserId: null, actorSystem: actor.name, actorName: actor.displayName };

@Injectable()
export class AuditService {
  constructor(private readonly db: TransactionalConnection) {}

  /**
   * Records a change to a seller's things by the context's actor, in the caller's transaction: the
   * change and its record commit together or not at all.
   */
  async recordForSeller(ctx: RequestContext, acting: ActingFor, change: AuditChange): Promise<void> {
    if (!ctx.actor) throw new Error('An audited change needs an actor');
    const entries = this.db.getRepository(ctx, AuditEntryEntity);
    await entries.save(entries.create({ ...actorColumns(ctx.actor), sellerId: acting.seller.id, onBehalf: acting.onBehalf, ...change }));
  }

  /** Newest first, in the order the changes were written. */
  async forSeller(ctx: RequestContext, sellerId: string, first: number): Promise<AuditEntry[]> {
    return (await this.db.getRepository(ctx, AuditEntryEntity).find({ where: { sellerId }, order: { seq: 'DESC' }, take: first })).map(toAuditEntryModel);
  }
}
