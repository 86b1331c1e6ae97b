import { randomUUID } from 'node:crypto';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { RequestLoaders, type GraphQLContext } from './common/dataloader/request-loaders.js';
import { AbandonedQueryCanceller } from './common/database/abandoned-query-canceller.js';
import { trackRequestWork } from './common/database/request-work.js';
import { typeOrmOptions } from './common/database/typeorm-options.js';
import { ErrorResponsePlugin } from './common/errors/error-response.plugin.js';
import { formatGraphQLError } from './common/errors/format-error.js';
import { GraphQLErrorFilter } from './common/errors/graphql-error.filter.js';
import { loggingModule } from './common/logging/logging.js';
import { MetricsModule } from './common/metrics/metrics.module.js';
import { AbandonedRequestPlugin } from './common/graphql/abandoned-request.plugin.js';
import { ComplexityPlugin } from './common/graphql/complexity.plugin.js';
import { NulCharacterPlugin } from './common/graphql/nul-character.plugin.js';
import { documentCache } from './common/graphql/document-cache.js';
import { queryLimits } from './common/graphql/query-limits.js';
import { guardFieldResolvers } from './common/auth/auth.decorators.js';
import { AuthGuard } from './common/auth/auth.guard.js';
import { ContextModule } from './common/context/context.module.js';
import { RequestContext } from './common/context/request-context.js';
import { ConfigModule } from './config/config.module.js';
import type { RuntimeConfig } from './config/runtime-config.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { DOMAIN_MODULES, RESOLVERS } from './modules/index.js';
import { HealthController } from './health/health.controller.js';
import { StorageModule } from './infra/storage/storage.module.js';
import { JobsModule } from './infra/jobs/jobs.module.js';
import { StripeModule } from './infra/stripe/stripe.module.js';

export interface AppModuleOptions {
  /** Where code-first writes the schema; the build writes the committed apps/api/schema.gql. */
  schemaFile?: string | false;
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: RuntimeConfig, options: AppModuleOptions = {}): DynamicModule {
    const production = config.nodeEnv === 'production';
    const limits = queryLimits(config.graphqlLimits);
    // @Authenticated on a field resolver (a cohort's roster, an applicant's roster matches) as its field middleware.
    guardFieldResolvers(RESOLVERS);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config.log),
        TypeOrmModule.forRoot(typeOrmOptions(config.databaseUrl, { logSql: config.logSql, statementTimeoutMs: config.dbStatementTimeoutMs })),
        ContextModule,
        StorageModule.forRoot(config.s3),
        StripeModule.forRoot(config.stripe),
        JobsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccountsModule],
          inject: [AccountsService],
          useFactory: (accounts: AccountsService) => ({
            autoSchemaFile: options.schemaFile ?? true,
            sortSchema: true,
            introspection: !production,
            playground: false,
            // No HTTP cache hints: Apollo's cache-control plugin hooks every field of every request for them.
            plugins: [ApolloServerPluginCacheControlDisabled(), ...(production ? [] : [ApolloServerPluginLandingPageLocalDefault({ embed: true })])],
            includeStacktraceInErrorResponses: false,
            documentStore: documentCache(),
            parseOptions: limits.parseOptions,
            validationRules: limits.validationRules,
            formatError: formatGraphQLError,
            context: async ({ req }: { req: GraphQLContext['req'] }): Promise<GraphQLContext> => ({
              req,
              loaders: new RequestLoaders(),
              requestContext: await requestContextOf(accounts, req),
            }),
          }),
        }),
        ...DOMAIN_MODULES,
        MetricsModule,
      ],
      controllers: [HealthController],
      providers: [
        NulCharacterPlugin,
        ComplexityPlugin,
        AbandonedRequestPlugin,
        AbandonedQueryCanceller,
        ErrorResponsePlugin,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // GraphQL reads stop when their client hangs up (AbandonedRequestPlugin, AbandonedQueryCanceller).
    consumer.apply(trackRequestWork).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}

/** One per request: its id (the requestId middleware's) and `Authorization: Bearer <token>` → the person; a missing or dead token is anonymous, not an error. */
async function requestContextOf(accounts: AccountsService, req: GraphQLContext['req']): Promise<RequestContext> {
  const anonymous = RequestContext.forRequest(req.requestId ?? randomUUID(), null);
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? RequestContext.forRequest(anonymous.requestId, await accounts.personForToken(anonymous, match[1])) : anonymous;
}

/** Express middleware: every request gets an id (the caller's `x-request-id` when well-formed), echoed back and in every log line of the request. */
export function requestId(req: { headers: Record<string, unknown>; requestId?: string }, res: { setHeader(name: string, value: string): void }, next: () => void): void {
  const incoming = req.headers['x-request-id'];
  req.requestId = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', req.requestId);
  next();
}
