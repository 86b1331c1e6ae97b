import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { KAMPUNG_NAME_LENGTH } from '@karya-ibu/types/rules';
import { AlreadyExistsError, EntityKind, InvalidInputError, isErrorResult, lengthError, NotFoundError } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/models/role.enum.js';
import { PendampingRepository } from './pendamping.repository.js';
import type { KampungInput } from './dto/kampung.input.js';
import type { PendampingSummary } from './models/pendamping.model.js';
import { uniqueSlug } from '../../common/text/slug.js';
import { isUuid } from '../../common/graphql/ids.js';
import type { KampungEntity } from './entities/kampung.entity.js';
import type { AssignPendampingResult, CreateKampungResult, UnassignPendampingResult, UpdateKampungResult } from './kampung.errors.js';
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
  async createKampung(ctx: RequestContext, input: KampungInput): Promise<typeof CreateKampungResult> {
    const missing = (['name', 'kelurahan', 'kecamatan', 'kemendagriCode', 'status'] as const).find((field) => input[field] == null);
    if (missing) return new InvalidInputError(`input.${missing}`, 'REQUIRED', `input.${missing}: required`);
    const fields = await this.validKampungFields(ctx, input, null);
    if (isErrorResult(fields)) return fields;
    const slug = await uniqueSlug(fields.name!, (candidate) => this.kampungs.slugExists(ctx, candidate));
    return toKampungModel(await this.kampungs.save(ctx, { description: null, ...fields, slug } as KampungEntity));
  }

  async updateKampung(ctx: RequestContext, id: string, input: KampungInput): Promise<typeof UpdateKampungResult> {
    if (!isUuid(id)) throw badInput('id', `"${id}" is not an id returned by this API`);
    const existing = await this.kampungs.findById(ctx, id);
    if (!existing) return new NotFoundError(EntityKind.KAMPUNG);
    const fields = await this.validKampungFields(ctx, input, id);
    if (isErrorResult(fields)) return fields;
    return toKampungModel(await this.kampungs.save(ctx, { ...existing, ...fields }));
  }

  private async validKampungFields(ctx: RequestContext, input: KampungInput, id: string | null): Promise<Partial<KampungEntity> | InvalidInputError | AlreadyExistsError> {
    const out: Partial<KampungEntity> = {};
    for (const field of ['name', 'kelurahan', 'kecamatan'] as const) {
      if (input[field] == null) continue;
      const value = input[field]!.trim();
      const invalid = lengthError(`input.${field}`, value, KAMPUNG_NAME_LENGTH);
      if (invalid) return invalid;
      out[field] = value;
    }
    if (input.kemendagriCode != null) {
      const code = input.kemendagriCode.trim();
      if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return new InvalidInputError('input.kemendagriCode', 'BAD_FORMAT', 'input.kemendagriCode: a Kemendagri code such as 64.71.04.1004');
      if (await this.kampungs.codeTaken(ctx, code, id)) return new AlreadyExistsError('input.kemendagriCode', 'Another kampung has this Kemendagri code');
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

  /**
   * An officer makes the account known by `identifier` a pendamping of the kampung (idempotent); the
   * role and the assignment commit together (in the caller's transaction).
   */
  async assignPendamping(ctx: RequestContext, identifier: string, kampungId: string): Promise<typeof AssignPendampingResult> {
    const found = await this.kampungAndAccount(ctx, identifier, kampungId);
    if (isErrorResult(found)) return found;
    await this.accounts.grantRole(ctx, found.userId, Role.PENDAMPING);
    await this.pendamping.assign(ctx, found.userId, found.kampung.id);
    return found.kampung;
  }

  /** Ends her assignment to this kampung (idempotent); she keeps the role for her other kampung KB. */
  async unassignPendamping(ctx: RequestContext, identifier: string, kampungId: string): Promise<typeof UnassignPendampingResult> {
    const found = await this.kampungAndAccount(ctx, identifier, kampungId);
    if (isErrorResult(found)) return found;
    await this.pendamping.unassign(ctx, found.userId, found.kampung.id);
    return found.kampung;
  }

  private async kampungAndAccount(ctx: RequestContext, identifier: string, kampungId: string): Promise<{ kampung: Kampung; userId: string } | NotFoundError | InvalidInputError> {
    if (!isUuid(kampungId)) throw badInput('kampungId', `"${kampungId}" is not an id returned by this API`);
    const kampung = await this.findById(ctx, kampungId);
    if (!kampung) return new NotFoundError(EntityKind.KAMPUNG);
    const userId = await this.accounts.findUserIdByIdentifier(ctx, identifier);
    // Named beside the field: she may simply not have registered yet.
    if (!userId) return new InvalidInputError('identifier', 'UNKNOWN_OPTION', 'identifier: no account with this phone/email');
    return { kampung, userId };
  }
}
