import { DomainModule } from '../../common/domain-module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { KampungEntity } from './entities/kampung.entity.js';
import { PendampingAssignmentEntity } from './entities/pendamping-assignment.entity.js';
import { KampungRepository } from './kampung.repository.js';
import { KampungResolver, MePendampingResolver } from './kampung.resolver.js';
import { KampungService } from './kampung.service.js';
import { PendampingRepository } from './pendamping.repository.js';

@DomainModule({
  entities: [KampungEntity, PendampingAssignmentEntity],
  resolvers: [KampungResolver, MePendampingResolver],
  imports: [AccountsModule],
  providers: [KampungRepository, PendampingRepository, KampungService],
  exports: [KampungService],
})
export class KampungModule {}
