import { Module } from '@nestjs/common';
import { RateLimits } from './rate-limits.js';

/** Import it where limits are kept (SearchRateLimitGuard needs RateLimits in its module too). */
@Module({
  providers: [RateLimits],
  exports: [RateLimits],
})
export class RateLimitModule {}
