import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { Role } from '../accounts/models/role.enum.js';
import type { Seller } from '../sellers/models/seller.model.js';
import { EntityKind, NotFoundError } from '../../common/errors/error-result.js';
import { SellerAccessService, thrownRefusal } from '../sellers/seller-access.service.js';
import { SellerDirectoryService } from '../sellers/seller-directory.service.js';

/** Who may see a seller's money: she herself, a pendamping of her kampung KB, an admin, finance. */
@Injectable()
export class MoneyAccessService {
  constructor(
    private readonly access: SellerAccessService,
    private readonly directory: SellerDirectoryService,
  ) {}

  /** The seller whose money the caller asks about (her own without sellerId); FORBIDDEN or NOT_FOUND saying why not. */
  async readableSeller(ctx: RequestContext, sellerId: string | null | undefined): Promise<Seller> {
    if (sellerId != null && ctx.hasRole(Role.FINANCE)) {
      const seller = (await this.directory.findByIds(ctx, [sellerId])).get(sellerId);
      if (!seller) throw thrownRefusal(new NotFoundError(EntityKind.SELLER));
      return seller;
    }
    return (await this.access.actingSeller(ctx, sellerId)).seller;
  }
}
