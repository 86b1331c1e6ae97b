import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { OutboxMessageEntity } from './entities/outbox-message.entity.js';
import type { OutboxChannel } from './models/outbox-channel.enum.js';
import { toOutboxMessageModel, type OutboxMessage } from './models/outbox-message.model.js';

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** Queues a message in the caller's transaction, so it exists exactly when what caused it does. */
  async enqueue(ctx: RequestContext, message: { channel: OutboxChannel; recipient: string; body: string }): Promise<void> {
    await this.db.getRepository(ctx, OutboxMessageEntity).insert(message);
    // No SMS gateway is wired yet: outside production the message is readable in the log and on /dev/outbox.
    if (this.config.nodeEnv !== 'production') this.logger.log(`${message.channel} to ${message.recipient}: ${message.body}`);
  }

  async listRecent(ctx: RequestContext, first: number): Promise<OutboxMessage[]> {
    return (await this.db.getRepository(ctx, OutboxMessageEntity).find({ order: { createdAt: 'DESC' }, take: first })).map(toOutboxMessageModel);
  }
}
