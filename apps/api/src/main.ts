import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, requestId } from './app.module.js';
import { clientAddressMiddleware } from './common/rate-limit/client-address.js';
import { ConfigError, loadConfig } from './config/env.js';
import { resolveInfrastructure } from './infra/embedded/embedded-infrastructure.js';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Karya Ibu API');
  const infrastructure = await resolveInfrastructure(loadConfig(), (line) => logger.log(line));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(infrastructure.config), { rawBody: true });
  // Only the proxies named in TRUST_PROXY may tell a client's address; the storefront vouches with its secret.
  app.set('trust proxy', infrastructure.config.trustProxy);
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
  logger.log(`GraphQL on http://${infrastructure.config.host}:${infrastructure.config.port}/graphql, health on /health`);
}

bootstrap().catch((error: unknown) => {
  // Configuration problems name the variable; say only that, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
