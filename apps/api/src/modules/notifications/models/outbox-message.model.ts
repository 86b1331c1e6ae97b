import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { OutboxMessageEntity } from '../entities/outbox-message.entity.js';
import { OutboxChannel } from './outbox-channel.enum.js';

@ObjectType('OutboxMessage', { description: 'A message waiting in the outbox (development only)' })
export class OutboxMessage {
  @Field(() => ID)
  id: string;

  @Field(() => OutboxChannel)
  channel: OutboxChannel;

  @Field()
  recipient: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

export const toOutboxMessageModel = (entity: OutboxMessageEntity): OutboxMessage => ({
  id: entity.id,
  channel: entity.channel,
  recipient: entity.recipient,
  body: entity.body,
  createdAt: entity.createdAt,
});
