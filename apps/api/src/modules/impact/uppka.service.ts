import { Injectable } from '@nestjs/common';
import { KAMPUNG_NAME_LENGTH, within } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { Role } from '../accounts/models/role.enum.js';
import { KampungService } from '../kampung/kampung.service.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';
import type { UppkaGroupInput } from './dto/impact-records.input.js';
import type { UppkaGroupEntity } from './entities/uppka-group.entity.js';
import { ImpactNotFoundError, SellerOutsideKampungError, UppkaGroupNameTakenError } from './impact.errors.js';
import { ImpactRepository } from './impact.repository.js';
import type { UppkaGroup } from './models/impact-records.model.js';

const DESCRIPTION_MAX_LENGTH = 500;

/** UPPKA groups (Peraturan BKKBN 17/2020): officers make them per Kampung KB and add its sellers. */
@Injectable()
export class UppkaService {
  constructor(
    private readonly repository: ImpactRepository,
    private readonly kampung: KampungService,
    private readonly sellers: SellerDirectoryService,
  ) {}

  /** Officers see every group, a pendamping those of her kampung KB. */
  async uppkaGroups(ctx: RequestContext, kampungId: string | null): Promise<UppkaGroup[]> {
    if (kampungId && !isUuid(kampungId)) throw badInput('kampungId', 'Bukan id yang dikenal. (Not a known id.)');
    let kampungIds = kampungId ? [kampungId] : null;
    if (!ctx.hasRole(Role.OFFICER, Role.ADMIN)) {
      const own = await this.kampung.pendampingKampungIds(ctx, ctx.person.userId);
      kampungIds = kampungIds ? kampungIds.filter((id) => own.includes(id)) : own;
    }
    return this.toModels(ctx, await this.repository.listGroups(ctx, kampungIds));
  }

  private async toModels(ctx: RequestContext, groups: UppkaGroupEntity[]): Promise<UppkaGroup[]> {
    const members = await this.repository.membersOf(ctx, groups.map((g) => g.id));
    const [kampungs, sellers] = await Promise.all([this.kampung.findByIds(ctx, [...new Set(groups.map((g) => g.kampungId))]), this.sellers.findByIds(ctx, [...new Set(members.map((m) => m.sellerId))])]);
    return groups.map((group) => ({
      id: group.id,
      kampungId: group.kampungId,
      kampungName: kampungs.get(group.kampungId)?.name ?? '—',
      name: group.name,
      description: group.description,
      members: members
        .filter((m) => m.groupId === group.id)
        .flatMap((m) => {
          const seller = sellers.get(m.sellerId);
          return seller ? [{ sellerId: seller.id, displayName: seller.displayName, slug: seller.slug }] : [];
        })
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    }));
  }

  async createUppkaGroup(ctx: RequestContext, input: UppkaGroupInput): Promise<UppkaGroup | InvalidInputError | ImpactNotFoundError | UppkaGroupNameTakenError> {
    const kampung = isUuid(input.kampungId) ? await this.kampung.findById(ctx, input.kampungId) : null;
    if (!kampung) return new ImpactNotFoundError('KAMPUNG');
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (!within(name.length, KAMPUNG_NAME_LENGTH)) return new InvalidInputError('input.name', name.length < KAMPUNG_NAME_LENGTH.min ? 'TOO_SHORT' : 'TOO_LONG', `Name: ${KAMPUNG_NAME_LENGTH.min}–${KAMPUNG_NAME_LENGTH.max} characters`, KAMPUNG_NAME_LENGTH);
    const description = input.description?.trim() || null;
    if (description && description.length > DESCRIPTION_MAX_LENGTH) return new InvalidInputError('input.description', 'TOO_LONG', `At most ${DESCRIPTION_MAX_LENGTH} characters`, { max: DESCRIPTION_MAX_LENGTH });
    if (await this.repository.groupNameTaken(ctx, kampung.id, name)) return new UppkaGroupNameTakenError(kampung.id);
    return (await this.toModels(ctx, [await this.repository.saveGroup(ctx, { kampungId: kampung.id, name, description })]))[0];
  }

  /** Adds a seller of the group's kampung KB (adding her twice changes nothing). */
  async addUppkaMember(ctx: RequestContext, groupId: string, sellerId: string): Promise<UppkaGroup | ImpactNotFoundError | SellerOutsideKampungError> {
    const group = isUuid(groupId) ? await this.repository.findGroup(ctx, groupId) : null;
    if (!group) return new ImpactNotFoundError('UPPKA_GROUP');
    const seller = (await this.sellers.findByIds(ctx, [sellerId])).get(sellerId);
    if (!seller) return new ImpactNotFoundError('SELLER');
    if (seller.kampungId !== group.kampungId) return new SellerOutsideKampungError(seller.kampungId);
    await this.repository.addMember(ctx, group.id, seller.id);
    return (await this.toModels(ctx, [group]))[0];
  }

  async removeUppkaMember(ctx: RequestContext, groupId: string, sellerId: string): Promise<UppkaGroup | ImpactNotFoundError> {
    const group = isUuid(groupId) ? await this.repository.findGroup(ctx, groupId) : null;
    if (!group) return new ImpactNotFoundError('UPPKA_GROUP');
    if (isUuid(sellerId)) await this.repository.removeMember(ctx, group.id, sellerId);
    return (await this.toModels(ctx, [group]))[0];
  }
}
