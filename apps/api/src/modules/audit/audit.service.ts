import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';
import { toAuditEntryModel, type AuditEntry } from './models/audit-entry.model.js';

export interface AuditRecord {
  actorUserId: string;
  actorName: string;
  sellerId: string | null;
  onBehalf: boolean;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Written in the caller's transaction: the change and its record commit together or not at all. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.save(manager.create(AuditEntryEntity, record));
  }

  /** Newest first, in the order the changes were written. */
  async forSeller(sellerId: string, first: number): Promise<AuditEntry[]> {
    return (await this.entries.find({ where: { sellerId }, order: { seq: 'DESC' }, take: first })).map(toAuditEntryModel);
  }
}
