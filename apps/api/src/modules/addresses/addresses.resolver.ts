import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { Transaction } from '../../common/context/transaction.interceptor.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { InvalidInputError, NotFoundError, resultUnion, type ErrorResult } from '../../common/errors/error-result.js';
import { AddressesService } from './addresses.service.js';
import { SaveAddressInput } from './dto/address.input.js';
import { ancestorCodes, AreaLevel } from './models/area-level.enum.js';
import { Area } from './models/area.model.js';
import { SavedAddress } from './models/saved-address.model.js';

export const SaveAddressResult = resultUnion('SaveAddressResult', SavedAddress, [InvalidInputError, NotFoundError]);

@Resolver(() => Area)
export class AreasResolver {
  constructor(private readonly addresses: AddressesService) {}

  @Query(() => [Area], { description: 'The provinces, or the areas directly under parentCode (kabupaten/kota of a province, …), by name: the address pickers' })
  areas(@Ctx() ctx: RequestContext, @Args('parentCode', { type: () => String, nullable: true }) parentCode: string | null): Promise<Area[]> {
    return this.addresses.children(ctx, parentCode ?? null);
  }

  @Query(() => [Area], { description: 'Areas of one level whose name matches the text (typos forgiven), best first; `under` keeps to one province, kabupaten/kota or kecamatan' })
  searchAreas(
    @Ctx() ctx: RequestContext,
    @Args('text', { type: () => String }) text: string,
    @Args('level', { type: () => AreaLevel, defaultValue: AreaLevel.VILLAGE }) level: AreaLevel,
    @Args('under', { type: () => String, nullable: true }) under: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<Area[]> {
    return this.addresses.search(ctx, text, level, under ?? null, first);
  }

  @ResolveField(() => [Area], { description: 'The areas it lies in, province first' })
  async ancestors(area: Area, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Area[]> {
    const loader = loaders.get('areaByCode', (codes: readonly string[]) => this.addresses.findByCodes(ctx, codes), null as Area | null);
    return (await loader.loadMany(ancestorCodes(area.code))).filter((found): found is Area => !!found && !(found instanceof Error));
  }
}

@Resolver(() => SavedAddress)
export class SavedAddressesResolver {
  constructor(private readonly addresses: AddressesService) {}

  @Authenticated()
  @Query(() => [SavedAddress], { description: 'The signed-in buyer\'s address book, the default first' })
  myAddresses(@Ctx() ctx: RequestContext): Promise<SavedAddress[]> {
    return this.addresses.savedAddresses(ctx);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => SaveAddressResult, { description: 'Adds an address to her book, or changes one of hers (with id)' })
  saveAddress(@Ctx() ctx: RequestContext, @Args('input', { type: () => SaveAddressInput }) input: SaveAddressInput): Promise<SavedAddress | ErrorResult> {
    return this.addresses.saveAddress(ctx, input);
  }

  @Transaction()
  @Authenticated()
  @Mutation(() => Boolean, { description: 'Removes an address of hers; false when she has none with this id' })
  deleteAddress(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.addresses.deleteAddress(ctx, id);
  }

  @ResolveField(() => Area, { nullable: true, description: 'The kelurahan/desa (its ancestors give kecamatan, kabupaten/kota and province)' })
  village(address: SavedAddress, _args: unknown, { requestContext: ctx, loaders }: GraphQLContext): Promise<Area | null> {
    return loaders.get('areaByCode', (codes: readonly string[]) => this.addresses.findByCodes(ctx, codes), null as Area | null).load(address.villageCode);
  }
}
