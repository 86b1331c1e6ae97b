import { Column, Entity, PrimaryColumn } from 'typeorm';

export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * The counters of rate-limiter-flexible's RateLimiterPostgres (the shape of its own CREATE TABLE;
 * `expire` is epoch milliseconds). The library never creates it (`tableCreated: true`): a migration
 * does, and this entity lets the schema check cover that migration. Keys are hashes, never a phone,
 * an email or an address in clear.
 */
@Entity(RATE_LIMITS_TABLE)
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  @Column({ type: 'int', default: 0 })
  points: number;

  @Column({ type: 'bigint', nullable: true })
  expire: string | null;
}
