import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { RequestContext, type SystemActorName } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { jobDuration } from '../../common/metrics/metrics.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';

/** Runs one job as the queue's system actor, outside any transaction (it opens one where it writes). */
type Handler<T> = (ctx: RequestContext, data: T) => Promise<void>;

/** How a queue's jobs are tried; the queue keeps it, so every job sent to it follows it. */
export interface QueuePolicy<T> {
  /** Who the queue's jobs act as, in audit entries and logs. */
  actor: SystemActorName;
  /**
   * Longest one attempt may take. An attempt still active after that is failed and retried: this is
   * also how the job of a process that died (kill -9, OOM) is found and tried again.
   */
  expireInSeconds: number;
  /** Attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry, about doubled (with jitter) for each next one. */
  retryDelaySeconds: number;
  /** A cron expression (WITA) to send the queue a job on a schedule, e.g. daily at 06:00: `0 6 * * *`. */
  cron?: string;
  /** Runs once when a job has failed for good: every attempt failed, timed out or died with its process. */
  onGiveUp: Handler<T>;
  /** At most one job waiting and one running (pg-boss's `stately` policy): a further send while one waits is dropped. */
  oneAtATime?: boolean;
}

// pg-boss notices expired attempts in its maintenance, by default only every 2 minutes.
const MAINTENANCE_INTERVAL_SECONDS = 15;

const deadLetterOf = (queue: string) => `${queue}.gave-up`;

/** Times each attempt into karya_job_duration_seconds; a failure is rethrown for pg-boss to retry. */
async function timed(queue: string, work: () => Promise<void>): Promise<void> {
  const stop = jobDuration.startTimer({ queue });
  try {
    await work();
    stop({ outcome: 'completed' });
  } catch (error) {
    stop({ outcome: 'failed' });
    throw error;
  }
}

/**
 * Background jobs on PostgreSQL (pg-boss): sent inside the caller's transaction, so a job exists
 * exactly when the row it is about does; worked in the API process when JOB_WORKER is on.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, { handler: Handler<never>; policy: QueuePolicy<never> }>();
  private readonly started: Promise<void>;
  private markStarted!: (outcome: Promise<void>) => void;
  private starting = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly db: TransactionalConnection,
  ) {
    this.boss = new PgBoss({ connectionString: config.databaseUrl, max: 3, application_name: 'karya-ibu-jobs', maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS });
    this.boss.on('error', (error) => this.logger.error(error.message, error.stack));
    // Whatever order modules bootstrap in, a job sent meanwhile waits for the queues to exist.
    this.started = new Promise((resolve) => (this.markStarted = resolve));
  }

  /** Registers the handler of a queue; modules that own the work call it while they initialise. */
  register<T>(queue: string, handler: Handler<T>, policy: QueuePolicy<T>): void {
    this.queues.set(queue, { handler: handler as Handler<never>, policy: policy as QueuePolicy<never> });
  }

  // After every module's onModuleInit, so all handlers are registered.
  async onApplicationBootstrap(): Promise<void> {
    this.starting = true;
    this.markStarted(this.start());
    await this.started;
  }

  private async start(): Promise<void> {
    await this.boss.start();
    for (const [queue, { handler, policy }] of this.queues) {
      // pg-boss moves a job that failed for good to its dead-letter queue, whatever the way it failed.
      const deadLetter = deadLetterOf(queue);
      await this.boss.createQueue(deadLetter);
      const options = { name: queue, policy: policy.oneAtATime ? ('stately' as const) : ('standard' as const), expireInSeconds: policy.expireInSeconds, retryLimit: policy.retryLimit, retryDelay: policy.retryDelaySeconds, retryBackoff: true, deadLetter };
      await this.boss.createQueue(queue, options);
      await this.boss.updateQueue(queue, options); // createQueue leaves a queue made by an older release as it was
      if (policy.cron) await this.boss.schedule(queue, policy.cron, {}, { tz: 'Asia/Makassar' });
      if (!this.config.jobWorker) continue;
      const jobContext = (id: string) => RequestContext.forSystem(policy.actor, `job:${id}`);
      await this.boss.work<object>(queue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, ([job]) => timed(queue, () => handler(jobContext(job.id), job.data as never)));
      await this.boss.work<object>(deadLetter, { batchSize: 1 }, ([job]) => timed(deadLetter, () => policy.onGiveUp(jobContext(job.id), job.data as never)));
    }
  }

  /** In the context's transaction when it has one: the job exists exactly when what it is about does. `startAfter`: not before then (a deadline). */
  async send(ctx: RequestContext, queue: string, data: object, options: { startAfter?: Date } = {}): Promise<void> {
    await this.started;
    const manager = this.db.manager(ctx);
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) };
    await this.boss.send(queue, data, { db, ...(options.startAfter ? { startAfter: options.startAfter } : {}) });
  }

  /** Jobs waiting to be worked (created or to retry) in each queue and its dead-letter queue, for the metrics scrape. */
  async queueDepths(): Promise<Map<string, number>> {
    const depths = new Map<string, number>();
    if (!this.starting) return depths; // a scrape before start-up answers at once
    await this.started;
    for (const queue of [...this.queues.keys()].flatMap((name) => [name, deadLetterOf(name)])) depths.set(queue, await this.boss.getQueueSize(queue));
    return depths;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
