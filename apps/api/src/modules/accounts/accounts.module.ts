import { DomainModule } from '../../common/domain-module.js';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AccountLimits } from './account-limits.js';
import { AccountRepository } from './account.repository.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { PasswordResetEntity } from './entities/password-reset.entity.js';
import { SessionEntity } from './entities/session.entity.js';
import { UserEntity } from './entities/user.entity.js';

@DomainModule({
  entities: [UserEntity, SessionEntity, PasswordResetEntity],
  resolvers: [AccountsResolver],
  imports: [NotificationsModule, RateLimitModule],
  providers: [AccountRepository, AccountLimits, AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}
