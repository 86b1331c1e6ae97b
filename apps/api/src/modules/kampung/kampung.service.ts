import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/models/role.enum.js';
import { PendampingRepository } from './pendamping.repository.js';
import { isUuid } from '../../common/graphql/ids.js';
import type { KampungEntity } from './entities/kampung.entity.js';
import { KampungRepository } from './kampung.repository.js';
import { toKampungModel, type Kampung } from './models/kampung.model.js';

@Injectable()
export class KampungService {
  constructor(
    private readonly kampungs: KampungRepository,
    private readonly pendamping: PendampingRepository,
    private readonly accounts: AccountsService,
    private readonly dataSource: DataSource,
  ) {}

  async listKampungs(): Promise<Kampung[]> {
    return (await this.kampungs.findAll()).map(toKampungModel);
  }

  async findBySlug(slug: string): Promise<Kampung | null> {
    const entity = await this.kampungs.findBySlug(slug);
    return entity ? toKampungModel(entity) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Kampung>> {
    const valid = ids.filter(isUuid);
    const entities = valid.length ? await this.kampungs.findByIds(valid) : [];
    return new Map(entities.map((entity) => [entity.id, toKampungModel(entity)]));
  }

  async findById(id: string): Promise<Kampung | null> {
    return (await this.findByIds([id])).get(id) ?? null;
  }

  /** The kampung KB a pendamping helps in. */
  pendampingKampungIds(userId: string): Promise<string[]> {
    return this.pendamping.kampungIdsOf(userId);
  }

  isPendampingOf(userId: string, kampungId: string): Promise<boolean> {
    return this.pendamping.isAssigned(userId, kampungId);
  }

  /** An officer makes the account known by `identifier` a pendamping of the kampung (idempotent). */
  async assignPendamping(_actor: Actor, identifier: string, kampungId: string): Promise<Kampung> {
    const kampung = isUuid(kampungId) ? await this.findById(kampungId) : null;
    if (!kampung) throw userError('NOT_FOUND', 'Kampung KB tidak ditemukan. (Kampung KB not found.)');
    const userId = await this.accounts.findUserIdByIdentifier(identifier);
    if (!userId) throw badInput('identifier', 'Tidak ada akun dengan nomor/email ini; minta ia mendaftar dulu. (No account with this phone/email: ask her to register first.)');
    await this.dataSource.transaction(async (manager) => {
      await this.accounts.grantRole(manager, userId, Role.PENDAMPING);
      await this.pendamping.assign(manager, userId, kampung.id);
    });
    return kampung;
  }

  async unassignPendamping(_actor: Actor, identifier: string, kampungId: string): Promise<boolean> {
    const userId = await this.accounts.findUserIdByIdentifier(identifier);
    if (!userId || !isUuid(kampungId)) throw userError('NOT_FOUND', 'Penugasan tidak ditemukan. (No such assignment.)');
    await this.pendamping.unassign(userId, kampungId);
    return true;
  }

  /** Demo data: assigns a pendamping without an officer (idempotent). */
  async saveSeedAssignment(userId: string, kampungId: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.pendamping.assign(manager, userId, kampungId));
  }

  async saveSeedKampung(kampung: Omit<KampungEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<Kampung> {
    return toKampungModel(await this.kampungs.upsertBySlug(kampung));
  }
}
