import { SimpleConsoleLogger, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { currentRequestWork } from './request-work.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { KampungEntity } from '../../modules/kampung/entities/kampung.entity.js';
import { TrainingProgramEntity } from '../../modules/training/entities/training-program.entity.js';
import { TrainingEnrollmentEntity } from '../../modules/training/entities/training-enrollment.entity.js';
import { SellerEntity } from '../../modules/sellers/entities/seller.entity.js';
import { MotifEntity } from '../../modules/catalog/entities/motif.entity.js';
import { ProductEntity } from '../../modules/catalog/entities/product.entity.js';
import { ProductPhotoEntity } from '../../modules/media/entities/product-photo.entity.js';
import { UserEntity } from '../../modules/accounts/entities/user.entity.js';
import { SessionEntity } from '../../modules/accounts/entities/session.entity.js';
import { PasswordResetEntity } from '../../modules/accounts/entities/password-reset.entity.js';
import { OutboxMessageEntity } from '../../modules/notifications/entities/outbox-message.entity.js';
import { RateLimitEntity } from '../rate-limit/rate-limit.entity.js';
import { PendampingAssignmentEntity } from '../../modules/kampung/entities/pendamping-assignment.entity.js';
import { AuditEntryEntity } from '../../modules/audit/entities/audit-entry.entity.js';
import { RosterEntryEntity } from '../../modules/training/entities/roster-entry.entity.js';
import { ProductViewDayEntity } from '../../modules/catalog/entities/product-view-day.entity.js';
import { ProductViewVisitorEntity } from '../../modules/catalog/entities/product-view-visitor.entity.js';
import { ProductViewAddressEntity } from '../../modules/catalog/entities/product-view-address.entity.js';
import { ProductViewSaltEntity } from '../../modules/catalog/entities/product-view-salt.entity.js';
import { CatalogCountEntity } from '../../modules/catalog/entities/catalog-count.entity.js';
import { SearchLexiconEntity } from '../../modules/catalog/entities/search-lexicon.entity.js';

// The TypeORM CLI, the migrate command and the app share this list; schema changes only through migrations.
export const ENTITIES = [
  KampungEntity,
  TrainingProgramEntity,
  TrainingEnrollmentEntity,
  SellerEntity,
  MotifEntity,
  ProductEntity,
  ProductPhotoEntity,
  UserEntity,
  SessionEntity,
  PasswordResetEntity,
  OutboxMessageEntity,
  RateLimitEntity,
  PendampingAssignmentEntity,
  AuditEntryEntity,
  RosterEntryEntity,
  ProductViewDayEntity,
  ProductViewVisitorEntity,
  ProductViewAddressEntity,
  ProductViewSaltEntity,
  CatalogCountEntity,
  SearchLexiconEntity,
];

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
