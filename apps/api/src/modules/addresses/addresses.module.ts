import { DomainModule } from '../../common/domain-module.js';
import { AddressesService } from './addresses.service.js';
import { AreasResolver, SavedAddressesResolver } from './addresses.resolver.js';
import { AreaRepository } from './area.repository.js';
import { AdministrativeAreaEntity } from './entities/administrative-area.entity.js';
import { SavedAddressEntity } from './entities/saved-address.entity.js';

/** Indonesia's administrative areas (pickers, search) and the buyers' saved addresses. */
@DomainModule({
  entities: [AdministrativeAreaEntity, SavedAddressEntity],
  resolvers: [AreasResolver, SavedAddressesResolver],
  providers: [AreaRepository, AddressesService],
  exports: [AddressesService],
})
export class AddressesModule {}
