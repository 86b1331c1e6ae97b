import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, requestId } from './app.module.js';
import { clientAddressMiddleware } from './common/rate-limit/client-address.js';
import { rootLogger } from './common/logging/logging.js';
import { ConfigError, loadConfig } from './config/env.js';
import { resolveInfrastructure, type Infrastructure } from './infra/embedded/embedded-infrastructure.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = rootLogger(config.log).child({ context: 'Karya Ibu API' });
  const infrastructure = await resolveInfrastructure(config, (line) => logger.info(line));
  try {
    await serve(infrastructure, logger);
  } catch (error) {
    // The embedded PostgreSQL runs on its own: stop it rather than leave it behind (a port taken, a bad module).
    await infrastructure.stop();
    throw error;
  }
}

async function serve(infrastructure: Infrastructure, logger: PinoLogger): Promise<void> {
  // Nest's own lines, from start-up on, go through pino too.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(infrastructure.config), { rawBody: true, bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Only the proxies named in TRUST_PROXY may tell a client's address; the storefront vouches with its secret.
  app.set('trust proxy', infrastructure.config.trustProxy);
  // Answers are GraphQL POSTs, which no cache revalidates: no ETag (a SHA-1 of every response body).
  app.set('etag', false);
  app.use(requestId);
  app.use(clientAddressMiddleware(infrastructure.config.clientAddressSecret));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await app.close(); // finishes in-flight requests, closes the pool
      await infrastructure.stop();
      process.exit(0);
    });
  }
  await app.listen(infrastructure.config.port, infrastructure.config.host);
  logger.info(`GraphQL on http://${infrastructure.config.host}:${infrastructure.config.port}/graphql, health on /health/live and /health/ready`);
}

bootstrap().catch((error: unknown) => {
  // Configuration problems name the variable; say only that, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
