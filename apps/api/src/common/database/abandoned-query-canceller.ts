import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type AfterQueryEvent, type BeforeQueryEvent, type EntitySubscriberInterface } from 'typeorm';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { clientLeftError, currentRequestWork, type RequestWork } from './request-work.js';

/**
 * When the client of a read-only request hangs up, its statements still running in PostgreSQL are
 * cancelled and it sends no new ones: nobody waits for the answer, and a flood of abandoned requests
 * must not keep the database busy. Sees every statement through TypeORM's query events.
 */
@Injectable()
export class AbandonedQueryCanceller implements EntitySubscriberInterface, OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private readonly watched = new WeakSet<RequestWork>();
  // Its own connection: the app's pool may be exactly what the abandoned requests have filled.
  private readonly canceller: pg.Pool;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: RuntimeConfig) {
    dataSource.subscribers.push(this);
    this.canceller = new pg.Pool({ connectionString: config.databaseUrl, max: 1, idleTimeoutMillis: 10_000, application_name: 'karya-ibu-cancel' });
    this.canceller.on('error', (error) => this.logger.warn(`cancel connection: ${error.message}`));
  }

  async beforeQuery(event: BeforeQueryEvent): Promise<void> {
    const work = currentRequestWork();
    if (!work?.stoppable) return;
    if (work.signal.aborted) throw clientLeftError();
    // The runner is connected by now; pg keeps the backend's process id, which is what a cancel names.
    const { processID } = (await event.queryRunner.connect()) as { processID?: number };
    if (typeof processID !== 'number') return;
    work.running.set(event.queryRunner, processID);
    if (!this.watched.has(work)) {
      this.watched.add(work);
      work.signal.addEventListener('abort', () => this.cancelRunning(work), { once: true });
    }
  }

  afterQuery(event: AfterQueryEvent): void {
    currentRequestWork()?.running.delete(event.queryRunner);
  }

  // A statement that ends just as the cancel arrives lets it hit the backend's next statement:
  // PostgreSQL's own cancel request has the same window, and the statement_timeout the same outcome.
  private cancelRunning(work: RequestWork): void {
    for (const pid of new Set(work.running.values())) {
      this.canceller.query('SELECT pg_cancel_backend($1)', [pid]).catch((error: Error) => this.logger.warn(`could not cancel backend ${pid}: ${error.message}`));
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.canceller.end();
  }
}
