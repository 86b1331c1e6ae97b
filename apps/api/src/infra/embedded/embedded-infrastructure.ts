import path from 'node:path';
import type { AppConfig } from '../../config/env.js';
import type { RuntimeConfig } from '../../config/runtime-config.js';

export interface Infrastructure {
  config: RuntimeConfig;
  /** Stops what was started here (nothing when everything was configured). */
  stop(): Promise<void>;
}

export const EMBEDDED_BUCKET = 'karya-ibu';

/**
 * Fills in what the configuration left out with embedded PostgreSQL and S3 under dataDir, and the local Stripe test server.
 * Each is imported only when it is started: s3rver and its web stack alone hold some 30 MB of a configured API's memory.
 */
export async function resolveInfrastructure(config: AppConfig, log: (line: string) => void = () => undefined): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  try {
    let databaseUrl = config.databaseUrl;
    if (databaseUrl === null) {
      const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
      const postgres = await startEmbeddedPostgres({
        dataDir: path.join(config.dataDir, 'postgres'),
        port: config.embeddedPostgresPort,
        database: 'karya_ibu',
        log,
      });
      stops.push(postgres.stop);
      databaseUrl = postgres.url;
      log(`Embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort} (data in ${postgres.dataDir})`);
    }
    let s3 = config.s3;
    if (s3 === null) {
      const { startEmbeddedS3 } = await import('./embedded-s3.js');
      const server = await startEmbeddedS3({ directory: path.join(config.dataDir, 's3'), port: config.embeddedS3Port, buckets: [EMBEDDED_BUCKET] });
      stops.push(server.stop);
      const url = new URL(server.endpoint);
      s3 = {
        endPoint: url.hostname,
        port: Number(url.port),
        useSSL: false,
        accessKey: server.accessKey,
        secretKey: server.secretKey,
        bucket: EMBEDDED_BUCKET,
        region: 'us-east-1',
        publicUrl: server.endpoint,
      };
      log(`Embedded S3 (s3rver) on ${server.endpoint} (data in ${path.join(config.dataDir, 's3')})`);
    }
    let stripe = config.stripe;
    if (stripe === null) {
      // The API's webhook endpoint on this machine, wherever it listens.
      const apiHost = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
      const { startFakeStripe } = await import('./fake-stripe/fake-stripe-server.js');
      const server = await startFakeStripe({ port: config.embeddedStripePort, webhookUrl: `http://${urlHost(apiHost)}:${config.port}/webhooks/stripe`, log });
      stops.push(server.stop);
      stripe = { secretKey: server.secretKey, webhookSecret: server.webhookSecret, apiBase: { protocol: 'http', host: '127.0.0.1', port: server.port } };
      log(`Local Stripe test server on ${server.url} (test mode, no real money; in memory, restarts empty)`);
    }
    return { config: { ...config, databaseUrl, s3, stripe }, stop: () => stopAll(stops) };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

async function stopAll(stops: (() => Promise<void>)[]): Promise<void> {
  for (const stop of stops.reverse()) await stop();
}

/** The variables that point the API at the same infrastructure (for child processes). */
export function infrastructureEnv(config: RuntimeConfig): Record<string, string> {
  const { apiBase } = config.stripe;
  return {
    DATABASE_URL: config.databaseUrl,
    S3_ENDPOINT: `${config.s3.useSSL ? 'https' : 'http'}://${config.s3.endPoint}:${config.s3.port}`,
    S3_ACCESS_KEY: config.s3.accessKey,
    S3_SECRET_KEY: config.s3.secretKey,
    S3_BUCKET: config.s3.bucket,
    S3_REGION: config.s3.region,
    S3_PUBLIC_URL: config.s3.publicUrl,
    STRIPE_SECRET_KEY: config.stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: config.stripe.webhookSecret,
    ...(apiBase ? { STRIPE_API_URL: `${apiBase.protocol}://${urlHost(apiBase.host)}:${apiBase.port}` } : {}),
  };
}
