import { SimpleConsoleLogger, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { currentRequestWork } from './request-work.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { ENTITIES } from '../../modules/index.js';

/** TypeORM's console log, without the statements cancelled because their client hung up: nothing failed there. */
class ApiSqlLogger extends SimpleConsoleLogger {
  override logQueryError(error: string, query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (!currentRequestWork()?.abandoned) super.logQueryError(error, query, parameters, queryRunner);
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
    logger: new ApiSqlLogger(logSql ? ['query', 'error'] : ['error']),
  };
}
