import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { OutboxMessageEntity } from './entities/outbox-message.entity.js';
import type { OutboxChannel } from './models/outbox-channel.enum.js';
import { toOutboxMessageModel, type OutboxMessage } from './models/outbox-message.model.js';

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Outbox');

  constructor(
    @InjectRepository(OutboxMessageEntity) private readonly outbox: Repository<OutboxMessageEntity>,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** Queues a message inside the caller's transaction, so it exists exactly when what caused it does. */
  async enqueue(manager: EntityManager, message: { channel: OutboxChannel; recipient: string; body: string }): Promise<void> {
    await manager.getRepository(OutboxMessageEntity).insert(message);
    // No SMS gateway is wired yet: outside production the message is readable in the log and on /dev/outbox.
    if (this.config.nodeEnv !== 'production') this.logger.log(`${message.channel} to ${message.recipient}: ${message.body}`);
  }

  async listRecent(first: number): Promise<OutboxMessage[]> {
    return (await this.outbox.find({ order: { createdAt: 'DESC' }, take: first })).map(toOutboxMessageModel);
  }
}
