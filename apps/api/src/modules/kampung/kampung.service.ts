import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { KAMPUNG_NAME_LENGTH, within } from '@karya-ibu/types/rules';
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
  ) {}

  async listKampungs(ctx: RequestContext): Promise<Kampung[]> {
    return (await this.kampungs.findAll(ctx)).map(toKampungModel);
  }

  async findBySlug(ctx: RequestContext, slug: string): Promise<Kampung | null> {
    const entity = await this.kampungs.findBySlug(ctx, slug);
    return entity ? toKampungModel(entity) : null;
  }

  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Kampung>> {
    const valid = ids.filter(isUuid);
    const entities = valid.length ? await this.kampungs.findByIds(ctx, valid) : [];
    return new Map(entities.map((entity) => [entity.id, toKampungModel(entity)]));
  }

  async findById(ctx: RequestContext, id: string): Promise<Kampung | null> {
    return (await this.findByIds(ctx, [id])).get(id) ?? null;
  }

  /** An officer adds a Kampung KB (e.g. the program's target kampung once it joins). */
  async createKampung(ctx: RequestContext, input: KampungInput): Promise<Kampung> {
    for (const field of ['name', 'kelurahan', 'kecamatan', 'kemendagriCode', 'status'] as const) {
      if (input[field] == null) throw badInput(`input.${field}`, 'Wajib diisi. (Required.)');
    }
    const fields = await this.validKampungFields(ctx, input, null);
    const slug = await uniqueSlug(fields.name!, (candidate) => this.kampungs.slugExists(ctx, candidate));
    return toKampungModel(await this.kampungs.save(ctx, { description: null, ...fields, slug } as KampungEntity));
  }

  async updateKampung(ctx: RequestContext, id: string, input: KampungInput): Promise<Kampung> {
    const existing = isUuid(id) ? await this.kampungs.findById(ctx, id) : null;
    if (!existing) throw userError('NOT_FOUND', 'Kampung KB tidak ditemukan. (Kampung KB not found.)');
    return toKampungModel(await this.kampungs.save(ctx, { ...existing, ...(await this.validKampungFields(ctx, input, id)) }));
  }

  private async validKampungFields(ctx: RequestContext, input: KampungInput, id: string | null): Promise<Partial<KampungEntity>> {
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
      if (await this.kampungs.codeTaken(ctx, code, id)) throw userError('CONFLICT', 'Kode Kemendagri ini sudah dipakai kampung lain. (Another kampung has this code.)', { field: 'input.kemendagriCode' });
      out.kemendagriCode = code;
    }
    if (input.status != null) out.status = input.status;
    if (input.description !== undefined) out.description = input.description?.trim() || null;
    return out;
  }

  /** The kampung KB a pendamping helps in. */
  pendampingKampungIds(ctx: RequestContext, userId: string): Promise<string[]> {
    return this.pendamping.kampungIdsOf(ctx, userId);
  }

  /** The kampung KB she helps, in the order she was assigned them. */
  async pendampingKampungs(ctx: RequestContext, userId: string): Promise<Kampung[]> {
    const ids = await this.pendampingKampungIds(ctx, userId);
    const found = await this.findByIds(ctx, ids);
    return ids.map((id) => found.get(id)!).filter(Boolean);
  }

  /** Who assists each of these kampung KB, in one query for the assignments and one for the accounts. */
  async pendampingByKampungIds(ctx: RequestContext, kampungIds: readonly string[]): Promise<Map<string, PendampingSummary[]>> {
    const assignments = await this.pendamping.userIdsOf(ctx, kampungIds);
    const users = await this.accounts.summariesByIds(ctx, [...new Set(assignments.map((a) => a.userId))]);
    const grouped = new Map<string, PendampingSummary[]>(kampungIds.map((id) => [id, []]));
    for (const { kampungId, userId } of assignments) {
      const user = users.get(userId);
      if (user) grouped.get(kampungId)!.push({ userId, ...user });
    }
    return grouped;
  }

  isPendampingOf(ctx: RequestContext, userId: string, kampungId: string): Promise<boolean> {
    return this.pendamping.isAssigned(ctx, userId, kampungId);
  }

  /** An officer makes the account known by `identifier` a pendamping of the kampung (idempotent). */
  /** The role and the assignment commit together (in the caller's transaction). */
  async assignPendamping(ctx: RequestContext, identifier: string, kampungId: string): Promise<Kampung> {
    const kampung = isUuid(kampungId) ? await this.findById(ctx, kampungId) : null;
    if (!kampung) throw userError('NOT_FOUND', 'Kampung KB tidak ditemukan. (Kampung KB not found.)');
    const userId = await this.accounts.findUserIdByIdentifier(ctx, identifier);
    if (!userId) throw badInput('identifier', 'Tidak ada akun dengan nomor/email ini; minta ia mendaftar dulu. (No account with this phone/email: ask her to register first.)');
    await this.accounts.grantRole(ctx, userId, Role.PENDAMPING);
    await this.pendamping.assign(ctx, userId, kampung.id);
    return kampung;
  }

  async unassignPendamping(ctx: RequestContext, identifier: string, kampungId: string): Promise<boolean> {
    const userId = await this.accounts.findUserIdByIdentifier(ctx, identifier);
    if (!userId || !isUuid(kampungId)) throw userError('NOT_FOUND', 'Penugasan tidak ditemukan. (No such assignment.)');
    await this.pendamping.unassign(ctx, userId, kampungId);
    return true;
  }
}
