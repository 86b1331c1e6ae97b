import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every Stripe event handled, by its id: a replay finds its row and changes nothing. */
@Entity('stripe_events')
export class StripeEventEntity {
  @PrimaryColumn()
  eventId: string;

  @Column()
  type: string;

  @Column({ type: 'uuid', nullable: true })
  paymentId: string | null;

  /** What handling it did (paid, flagged, ignored: …), for whoever reads the table. */
  @Column()
  outcome: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
