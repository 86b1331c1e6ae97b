import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { userError } from '../errors/user-errors.js';

export interface RateLimit {
  /** Most hits allowed in one window. */
  limit: number;
  windowSeconds: number;
}

@Injectable()
export class RateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit for key; throws TOO_MANY_REQUESTS once the window's limit is passed. */
  async hit(key: string, { limit, windowSeconds }: RateLimit): Promise<void> {
    const [row]: { count: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limit_buckets.window_start < now() - make_interval(secs => $2) THEN 1 ELSE rate_limit_buckets.count + 1 END,
         window_start = CASE WHEN rate_limit_buckets.window_start < now() - make_interval(secs => $2) THEN now() ELSE rate_limit_buckets.window_start END
       RETURNING count, ceil(extract(epoch FROM rate_limit_buckets.window_start + make_interval(secs => $2) - now()))::int AS retry_after`,
      [key, windowSeconds],
    );
    if (row.count > limit) {
      const minutes = Math.max(1, Math.ceil(row.retry_after / 60));
      throw userError('TOO_MANY_REQUESTS', `Terlalu banyak percobaan. Coba lagi dalam ${minutes} menit. (Too many attempts: try again in ${minutes} min.)`, {
        retryAfterSeconds: row.retry_after,
      });
    }
  }

  /** Forgets the counter (after a successful sign-in, the account's failures no longer count). */
  async reset(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_buckets WHERE key = $1', [key]);
  }
}
