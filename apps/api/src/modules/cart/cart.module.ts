import { DomainModule } from '../../common/domain-module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { SellersModule } from '../sellers/sellers.module.js';
import { CartRepository } from './cart.repository.js';
import { CartLineResolver, CartResolver, CartSellerGroupResolver } from './cart.resolver.js';
import { CartService } from './cart.service.js';
import { CartLineEntity } from './entities/cart-line.entity.js';
import { CartEntity } from './entities/cart.entity.js';

/** Server-side carts, a guest's or a buyer's, merged on sign-in. */
@DomainModule({
  entities: [CartEntity, CartLineEntity],
  resolvers: [CartResolver, CartLineResolver, CartSellerGroupResolver],
  imports: [CatalogModule, SellersModule],
  providers: [CartRepository, CartService],
  exports: [CartService],
})
export class CartModule {}
