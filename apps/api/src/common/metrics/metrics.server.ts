import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { JobQueue } from '../../infra/jobs/job-queue.js';
import { APP_METRICS } from './metrics.js';

/** The pg Pool under TypeORM's postgres driver. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics on a listener of their own (METRICS_PORT, on the API's address), not on the
 * API port: the ingress routes the API port to the internet, and this one it never sees.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    dataSource: DataSource,
    jobs: JobQueue,
  ) {
    const logger = this.logger;
    collectDefaultMetrics({ register: this.registry });
    for (const metric of APP_METRICS) this.registry.registerMetric(metric);
    const pool = () => (dataSource.driver as unknown as { master?: PgPool }).master;
    // Read on each scrape, so they are never stale.
    const poolGauge = (name: string, help: string, read: (pool: PgPool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const current = pool();
          if (current) this.set(read(current));
        },
      });
    poolGauge('karya_db_pool_connections', 'Connections open in the API pool (TypeORM, pg)', (p) => p.totalCount);
    poolGauge('karya_db_pool_idle_connections', 'Open connections of the API pool waiting for work', (p) => p.idleCount);
    poolGauge('karya_db_pool_waiting_clients', 'Queries waiting for a connection of the API pool', (p) => p.waitingCount);
    new Gauge({
      name: 'karya_job_queue_depth',
      help: 'Jobs waiting to be worked (created or to retry), by pg-boss queue',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        // A database that does not answer must not fail the whole scrape (the pool gauges say why).
        const depths = await jobs.queueDepths().catch((error: Error) => {
          logger.warn(`job queue depth unavailable: ${error.message}`);
          return new Map<string, number>();
        });
        for (const [queue, depth] of depths) this.set({ queue }, depth);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        (error: Error) => {
          this.logger.error(`metrics scrape failed: ${error.message}`, error.stack);
          res.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`METRICS_PORT ${this.config.metricsPort} is already in use on ${this.config.host}: choose another with METRICS_PORT`) : error),
      );
      server.listen(this.config.metricsPort, this.config.host, () => resolve());
    });
    this.server = server;
    this.logger.log(`Metrics on http://${this.config.host}:${this.config.metricsPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
