import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Fixed-window counters shared by every API instance (e.g. sign-in attempts per IP and per account). */
@Entity('rate_limit_buckets')
export class RateLimitBucketEntity {
  @PrimaryColumn()
  key: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  count: number;
}
