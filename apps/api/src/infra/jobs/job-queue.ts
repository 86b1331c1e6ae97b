import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';

type Handler<T> = (data: T) => Promise<void>;

/**
 * Background jobs on PostgreSQL (pg-boss): sent inside the caller's transaction, so a job exists
 * exactly when the row it is about does; worked in the API process when JOB_WORKER is on.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, Handler<never>>();
  private started: Promise<void> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: RuntimeConfig) {
    this.boss = new PgBoss({ connectionString: config.databaseUrl, max: 3, application_name: 'karya-ibu-jobs' });
    this.boss.on('error', (error) => this.logger.error(error.message, error.stack));
  }

  /** Registers the handler of a queue; modules that own the work call it while they initialise. */
  register<T>(queue: string, handler: Handler<T>): void {
    this.handlers.set(queue, handler as Handler<never>);
  }

  // After every module's onModuleInit, so all handlers are registered.
  async onApplicationBootstrap(): Promise<void> {
    this.started = this.start();
    await this.started;
  }

  private async start(): Promise<void> {
    await this.boss.start();
    for (const [queue, handler] of this.handlers) {
      await this.boss.createQueue(queue);
      if (!this.config.jobWorker) continue;
      await this.boss.work<object>(queue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
        await handler(job.data as never);
      });
    }
  }

  async send(manager: EntityManager, queue: string, data: object): Promise<void> {
    await this.started;
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) };
    await this.boss.send(queue, data, { db, retryLimit: 2, retryDelay: 5 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
