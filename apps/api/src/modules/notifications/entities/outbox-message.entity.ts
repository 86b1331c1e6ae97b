import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxChannel } from '../models/outbox-channel.enum.js';

/** Messages to people (reset codes, …), written in the same transaction as what caused them; a sender delivers them. */
@Entity('outbox_messages')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: OutboxChannel, enumName: 'outbox_channel' })
  channel: OutboxChannel;

  @Column()
  recipient: string;

  @Column({ type: 'text' })
  body: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
