import { Logger } from '@nestjs/common';
import type { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { sqlStatements } from '../metrics/metrics.js';
import { currentRequestWork } from './request-work.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { ENTITIES } from '../../modules/index.js';

/**
 * TypeORM's log through the app's logger (inside a request, its lines carry the request id), and the
 * count of statements sent (karya_db_statements_total: the metrics, and the e2e tests' query counts).
 */
class ApiSqlLogger implements TypeOrmLogger {
  private readonly logger = new Logger('SQL');

  constructor(private readonly logSql: boolean) {}

  logQuery(query: string, parameters?: unknown[]): void {
    sqlStatements.inc();
    if (this.logSql) this.logger.log(`query: ${query}`, ...(parameters?.length ? [{ parameters }] : []));
  }

  // A warning: most failures are answered for what they are (a duplicate is CONFLICT, a timeout
  // QUERY_TIMEOUT); one that is not becomes an INTERNAL_SERVER_ERROR, logged as an error with its request.
  // A statement cancelled because its client hung up is no failure at all. Parameters stay out (personal data).
  logQueryError(error: string | Error, query: string): void {
    if (currentRequestWork()?.abandoned) return;
    this.logger.warn(`query failed: ${error instanceof Error ? error.message : error}`, { query });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms)`, { query });
  }

  // TypeORM's own chatter (migrations found, loaded, run): only with LOG_SQL; migrate.ts says what it applied.
  logSchemaBuild(message: string): void {
    if (this.logSql) this.logger.log(message);
  }

  logMigration(message: string): void {
    if (this.logSql) this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.logSql) this.logger.log(String(message));
  }
}

export interface PoolOptions {
  logSql?: boolean;
  /**
   * PostgreSQL statement_timeout (ms) on every connection of the pool: no statement of the API runs
   * longer, whatever asked for it. Unset for migrations and the CLI, whose statements may rightly take long.
   */
  statementTimeoutMs?: number;
}

export function typeOrmOptions(databaseUrl: string, { logSql = false, statementTimeoutMs }: PoolOptions = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // The TypeORM CLI, the migrate command and the app share this list; schema changes only through migrations.
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: 10,
      // PostgreSQL (14+) notices a closed connection while a statement runs and ends it: how an abandoned read stops.
      options: '-c client_connection_check_interval=100',
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
    logger: new ApiSqlLogger(logSql),
  };
}
