import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { notYours } from '../../common/auth/auth.decorators.js';
import { Ctx } from '../../common/context/ctx.decorator.js';
import { signInFirst, type RequestContext } from '../../common/context/request-context.js';
import type { GraphQLContext } from '../../common/dataloader/request-loaders.js';
import { firstWithin, userError } from '../../common/errors/user-errors.js';
import { isFromThisMachine } from '../../common/rate-limit/client-address.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { Role } from '../accounts/models/role.enum.js';
import { OutboxMessage } from './models/outbox-message.model.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => OutboxMessage)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Query(() => [OutboxMessage], {
    description: 'Newest outbox messages (reset codes among them): ADMIN only, and only outside production, where no gateway sends them',
  })
  devOutbox(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Context() gql: GraphQLContext,
  ): Promise<OutboxMessage[]> {
    if (this.config.nodeEnv === 'production') throw userError('NOT_FOUND', 'Not available in production');
    // Reset codes here take over accounts: an admin only, or whoever is on this machine when DEV_OUTBOX_LOCAL says so.
    if (!ctx.hasRole(Role.ADMIN) && !(this.config.devOutboxLocal && isFromThisMachine(gql.req))) {
      throw ctx.personOrNull ? notYours() : signInFirst();
    }
    firstWithin(first);
    return this.notifications.listRecent(ctx, first);
  }
}
