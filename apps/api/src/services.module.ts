import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContextModule } from './common/context/context.module.js';
import { typeOrmOptions } from './common/database/typeorm-options.js';
import { ConfigModule } from './config/config.module.js';
import type { RuntimeConfig } from './config/runtime-config.js';
import { JobsModule } from './infra/jobs/jobs.module.js';
import { StorageModule } from './infra/storage/storage.module.js';
import { StripeModule } from './infra/stripe/stripe.module.js';
import { DOMAIN_MODULES } from './modules/index.js';

/** The domain modules and their infrastructure without the GraphQL layer: the seed's services, and the e2e tests' own copy. */
@Module({})
export class ServicesModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: ServicesModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(typeOrmOptions(config.databaseUrl)),
        ContextModule,
        StorageModule.forRoot(config.s3),
        JobsModule,
        StripeModule.forRoot(config.stripe),
        ...DOMAIN_MODULES,
      ],
    };
  }
}
