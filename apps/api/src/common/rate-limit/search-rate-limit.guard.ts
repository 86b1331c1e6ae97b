import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import type { GraphQLContext } from '../dataloader/request-loaders.js';
import { RateLimits, type WindowLimit } from './rate-limits.js';

/** Full-text search is the most expensive public query: each client address gets SEARCH_LIMIT_PER_MINUTE of them. */
@Injectable()
export class SearchRateLimitGuard implements CanActivate {
  private readonly searches: WindowLimit;

  constructor(rateLimits: RateLimits, @Inject(APP_CONFIG) config: RuntimeConfig) {
    this.searches = rateLimits.window('search_address', { points: config.searchLimitPerMinute, seconds: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const gql = GqlExecutionContext.create(context);
    const search = gql.getArgs<{ filter?: { search?: string | null } }>().filter?.search;
    if (search?.trim()) await this.searches.consume({ address: gql.getContext<GraphQLContext>().req.clientAddress });
    return true;
  }
}
