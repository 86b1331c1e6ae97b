import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContextModule } from '../common/context/context.module.js';
import { typeOrmOptions } from '../common/database/typeorm-options.js';
import { ConfigModule } from '../config/config.module.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { JobsModule } from '../infra/jobs/jobs.module.js';
import { StorageModule } from '../infra/storage/storage.module.js';
import { StripeModule } from '../infra/stripe/stripe.module.js';
import { DOMAIN_MODULES } from '../modules/index.js';

/** The domain modules without the GraphQL layer: the same services and repositories the API uses. */
@Module({})
class DomainContextModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: DomainContextModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(typeOrmOptions(config.databaseUrl)),
        ContextModule,
        StorageModule.forRoot(config.s3),
        StripeModule.forRoot(config.stripe),
        JobsModule,
        ...DOMAIN_MODULES,
      ],
    };
  }
}

/**
 * The services of the domain for a script (the seed's money, which goes through the ledger's posting
 * rules) or a test process: it sends jobs but never works them.
 */
export function createDomainContext(config: RuntimeConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(DomainContextModule.forRoot({ ...config, jobWorker: false }), { logger: ['error', 'warn'] });
}
