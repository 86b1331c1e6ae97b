import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KAMPUNG_NAME_LENGTH, within } from '@karya-ibu/types/rules';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/models/role.enum.js';
import { PendampingRepository } from './pendamping.repository.js';
import type { KampungInput } from './dto/kampung.input.js';
import type { PendampingSummary } from './models/pendamping.model.js';
import { uniqueSlug } from '../../common/text/slug.js';
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

  /** An officer adds a Kampung KB (e.g. the program's target kampung once it joins). */
  async createKampung(_actor: Actor, input: KampungInput): Promise<Kampung> {
    for (const field of ['name', 'kelurahan', 'kecamatan', 'kemendagriCode', 'status'] as const) {
      if (input[field] == null) throw badInput(`input.${field}`, 'Wajib diisi. (Required.)');
    }
    const fields = await this.validKampungFields(input, null);
    const slug = await uniqueSlug(fields.name!, (candidate) => this.kampungs.slugExists(candidate));
    return toKampungModel(await this.kampungs.save({ description: null, ...fields, slug } as KampungEntity));
  }

  async updateKampung(_actor: Actor, id: string, input: KampungInput): Promise<Kampung> {
    const existing = isUuid(id) ? await this.kampungs.findById(id) : null;
    if (!existing) throw userError('NOT_FOUND', 'Kampung KB tidak ditemukan. (Kampung KB not found.)');
    return toKampungModel(await this.kampungs.save({ ...existing, ...(await this.validKampungFields(input, id)) }));
  }

  private async validKampungFields(input: KampungInput, id: string | null): Promise<Partial<KampungEntity>> {
    const out: Partial<KampungEntity> = {};
    for (const field of ['name', 'kelurahan', 'kecamatan'] as const) {
      if (input[field] == null) continue;
      const value = input[field]!.trim();
      if (!within(value.length, KAMPUNG_NAME_LENGTH)) throw badInput(`input.${field}`, `Panjangnya ${KAMPUNG_NAME_LENGTH.min}–${KAMPUNG_NAME_LENGTH.max} huruf. (Must be ${KAMPUNG_NAME_LENGTH.min}–${KAMPUNG_NAME_LENGTH.max} characters.)`);
      out[field] = value;
    }
    if (input.kemendagriCode != null) {
      const code = input.kemendagriCode.trim();
      if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) throw badInput('input.kemendagriCode', 'Kode Kemendagri seperti 64.71.04.1004. (A Kemendagri code such as 64.71.04.1004.)');
      if (await this.kampungs.codeTaken(code, id)) throw userError('CONFLICT', 'Kode Kemendagri ini sudah dipakai kampung lain. (Another kampung has this code.)', { field: 'input.kemendagriCode' });
      out.kemendagriCode = code;
    }
    if (input.status != null) out.status = input.status;
    if (input.description !== undefined) out.description = input.description?.trim() || null;
    return out;
  }

  /** The kampung KB a pendamping helps in. */
  pendampingKampungIds(userId: string): Promise<string[]> {
    return this.pendamping.kampungIdsOf(userId);
  }

  /** Who assists each of these kampung KB, in one query for the assignments and one for the accounts. */
  async pendampingByKampungIds(kampungIds: readonly string[]): Promise<Map<string, PendampingSummary[]>> {
    const assignments = await this.pendamping.userIdsOf(kampungIds);
    const users = await this.accounts.summariesByIds([...new Set(assignments.map((a) => a.userId))]);
    const grouped = new Map<string, PendampingSummary[]>(kampungIds.map((id) => [id, []]));
    for (const { kampungId, userId } of assignments) {
      const user = users.get(userId);
      if (user) grouped.get(kampungId)!.push({ userId, ...user });
    }
    return grouped;
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
