import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { userError } from '../errors/user-errors.js';
import { addressBucket } from './client-address.js';
import { RATE_LIMITS_TABLE } from './rate-limit.entity.js';

/** What a limit counts: a client address, an account (its phone or email), or the two together. */
export interface RateLimitSubject {
  address?: string;
  account?: string;
}

export interface WindowPolicy {
  points: number;
  seconds: number;
}

export interface BackoffPolicy {
  /** Failures in a row that cost nothing. */
  freeFailures: number;
  /** The wait after the last free failure; it doubles with each further failure… */
  firstDelaySeconds: number;
  /** …up to this. */
  maxDelaySeconds: number;
  /** Failures are forgotten this long after the first of them. */
  forgetAfterSeconds: number;
}

// How long the one attempt let through after a backoff delay keeps others waiting while it runs.
const GATE_SECONDS = 10;

/**
 * Limits kept by rate-limiter-flexible in PostgreSQL (one table, shared by every API instance), on a
 * small pool of their own: a mutation counts while its transaction holds one of the app's
 * connections, and must not wait for another that only a transaction waiting like it could give back.
 * Counts stand whatever the request's transaction does (a failure is what they count).
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private limiters = 0;
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: RuntimeConfig) {
    this.pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 4,
      idleTimeoutMillis: 10_000,
      application_name: 'karya-ibu-rate-limits',
      ...(config.dbStatementTimeoutMs ? { statement_timeout: config.dbStatementTimeoutMs } : {}),
    });
    this.pool.on('error', (error) => new Logger('RateLimits').warn(`rate-limit connection: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  /** At most `points` per `seconds` for each subject, counted from its first one. */
  window(name: string, policy: WindowPolicy): WindowLimit {
    return new WindowLimit(this.limiter(name, policy.points, policy.seconds));
  }

  /** Growing delays after consecutive failures, forgotten on success (see FailureBackoff). */
  backoff(name: string, policy: BackoffPolicy): FailureBackoff {
    return new FailureBackoff(this.limiter(`${name}_failures`, policy.freeFailures, policy.forgetAfterSeconds), this.limiter(`${name}_gate`, 1, GATE_SECONDS), policy);
  }

  private limiter(keyPrefix: string, points: number, duration: number): RateLimiterPostgres {
    return new RateLimiterPostgres({
      storeClient: this.pool,
      storeType: 'pool',
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true, // the migration made it; the library must not touch the schema
      keyPrefix,
      points,
      duration,
      // The limiters share one table: one of them sweeping expired rows (every 5 minutes) is enough.
      clearExpiredByTimeout: this.limiters++ === 0,
    });
  }
}

export class WindowLimit {
  constructor(private readonly limiter: RateLimiterPostgres) {}

  /** Counts one; TOO_MANY_REQUESTS once the window's points are spent. */
  async consume(subject: RateLimitSubject): Promise<void> {
    await this.limiter.consume(keyOf(subject)).catch(rethrowLimited);
  }

  /** Gives one back: an attempt counted up front that turned out not to count (a right password). */
  async refund(subject: RateLimitSubject): Promise<void> {
    await this.limiter.reward(keyOf(subject));
  }
}

export interface BackoffAttempt {
  key: string;
  failures: number;
}

/**
 * Consecutive failures of one subject: the first few are free, then every further attempt waits a
 * delay that doubles with each failure up to a ceiling; a success forgets them all. An attempt counts
 * as a failure from the moment it starts (succeeded() takes it back), so parallel guesses get no more
 * tries than guesses one after another.
 */
export class FailureBackoff {
  constructor(
    private readonly failures: RateLimiterPostgres,
    private readonly gate: RateLimiterPostgres,
    private readonly policy: BackoffPolicy,
  ) {}

  /** Before checking the secret; TOO_MANY_REQUESTS while the subject must still wait. */
  async attempt(subject: RateLimitSubject): Promise<BackoffAttempt> {
    const key = keyOf(subject);
    const { consumedPoints: failures } = await this.failures.penalty(key);
    if (failures > this.policy.freeFailures) {
      // Past the free tries: one attempt at a time, and none before the last failure's delay is over.
      try {
        await this.gate.consume(key);
      } catch (rejection) {
        await this.failures.reward(key);
        rethrowLimited(rejection);
      }
    }
    return { key, failures };
  }

  async failed({ key, failures }: BackoffAttempt): Promise<void> {
    if (failures < this.policy.freeFailures) return;
    const delay = Math.min(this.policy.firstDelaySeconds * 2 ** (failures - this.policy.freeFailures), this.policy.maxDelaySeconds);
    await this.gate.block(key, delay);
  }

  async succeeded({ key }: BackoffAttempt): Promise<void> {
    await Promise.all([this.failures.delete(key), this.gate.delete(key)]);
  }
}

/** The library rejects with a RateLimiterRes when a limit is reached, with an Error when the store failed. */
function rethrowLimited(rejection: unknown): never {
  if (rejection instanceof RateLimiterRes) throw tooManyRequests(rejection.msBeforeNext);
  throw rejection;
}

export function tooManyRequests(msBeforeNext: number) {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return userError('TOO_MANY_REQUESTS', `Too many attempts: try again in ${wait}.`, { retryAfterSeconds: seconds });
}

// Hashed: the table holds no phone, email or address in clear, and every key fits its varchar(255).
const keyOf = ({ address, account }: RateLimitSubject): string =>
  createHash('sha256')
    .update(JSON.stringify([address === undefined ? null : addressBucket(address), account ?? null]))
    .digest('base64url');
