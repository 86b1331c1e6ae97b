import { Injectable } from '@nestjs/common';
import { DataSource, type AfterQueryEvent, type BeforeQueryEvent, type EntitySubscriberInterface } from 'typeorm';
import { clientLeftError, currentRequestWork, type RequestWork, type RunningConnection } from './request-work.js';

/**
 * When the client of a read-only request hangs up, its statements still running in PostgreSQL are
 * stopped and it sends no new ones: nobody waits for the answer, and a flood of abandoned requests
 * must not keep the database busy. Sees every statement through TypeORM's query events.
 *
 * A statement is stopped by closing the connection that runs it (PostgreSQL notices within
 * client_connection_check_interval and ends the statement), never by pg_cancel_backend: a cancel
 * sent by process id can land after that statement ended, on whatever the pooled connection runs
 * next for another request. Closing happens synchronously while the statement is still in flight
 * (TypeORM's afterQuery removes it before the connection goes back to the pool), so it can only ever
 * stop this request's own statement.
 */
@Injectable()
export class AbandonedQueryCanceller implements EntitySubscriberInterface {
  private readonly watched = new WeakSet<RequestWork>();

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async beforeQuery(event: BeforeQueryEvent): Promise<void> {
    const work = currentRequestWork();
    if (!work?.stoppable) return;
    if (work.signal.aborted) throw clientLeftError();
    // The runner is connected by now: its pg client is this statement's alone until it is released.
    work.running.set(event.queryRunner, (await event.queryRunner.connect()) as RunningConnection);
    if (!this.watched.has(work)) {
      this.watched.add(work);
      work.signal.addEventListener('abort', () => stopRunning(work), { once: true });
    }
  }

  afterQuery(event: AfterQueryEvent): void {
    currentRequestWork()?.running.delete(event.queryRunner);
  }
}

function stopRunning(work: RequestWork): void {
  for (const connection of work.running.values()) {
    // end() rejects the statement in flight with "Connection terminated" and the pool drops the client.
    void connection.end().catch(() => undefined);
  }
  work.running.clear();
}
