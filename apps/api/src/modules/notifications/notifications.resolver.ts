import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { OutboxMessage } from './models/outbox-message.model.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => OutboxMessage)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Query(() => [OutboxMessage], { description: 'Newest outbox messages; only outside production, where no gateway sends them' })
  devOutbox(@Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<OutboxMessage[]> {
    if (this.config.nodeEnv === 'production') throw userError('NOT_FOUND', 'Not available in production');
    if (first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
    return this.notifications.listRecent(first);
  }
}
