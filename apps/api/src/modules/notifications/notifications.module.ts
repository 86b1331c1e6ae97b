import { DomainModule } from '../../common/domain-module.js';
import { OutboxMessageEntity } from './entities/outbox-message.entity.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@DomainModule({
  entities: [OutboxMessageEntity],
  resolvers: [NotificationsResolver],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
