import { DomainModule } from '../domain-module.js';
import { RateLimitEntity } from './rate-limit.entity.js';
import { RateLimits } from './rate-limits.js';

/** Import it where limits are kept (SearchRateLimitGuard needs RateLimits in its module too). */
@DomainModule({
  entities: [RateLimitEntity],
  providers: [RateLimits],
  exports: [RateLimits],
})
export class RateLimitModule {}
