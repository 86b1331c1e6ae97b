import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { AppModule, requestId } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/env.js';
import type { RuntimeConfig } from '../../src/config/runtime-config.js';
import { ObjectStorage } from '../../src/infra/storage/object-storage.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface TestApp {
  app: INestApplication;
  config: RuntimeConfig;
  dataSource: DataSource;
  storage: ObjectStorage;
  get<T>(type: abstract new (...args: any[]) => T): T;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs fn and returns how many SQL statements the app sent meanwhile. */
  countQueries(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing: run the e2e tests through jest (the global setup starts PostgreSQL and S3)`);
  return value;
}

/** The real app on its own database (cloned from the migrated template) and its own bucket. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = requireEnv('TEST_PG_ADMIN_URL');
  const suffix = randomBytes(6).toString('hex');
  const database = `test_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE karya_template`);
  await admin.end();

  const databaseUrl = adminUrl.replace(/\/postgres$/, `/${database}`);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    S3_ENDPOINT: requireEnv('TEST_S3_ENDPOINT'),
    S3_ACCESS_KEY: requireEnv('TEST_S3_ACCESS_KEY'),
    S3_SECRET_KEY: requireEnv('TEST_S3_SECRET_KEY'),
    S3_BUCKET: `test-${suffix}`,
    ...env,
  }) as RuntimeConfig;

  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] });
  app.use(requestId);
  await app.init();

  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();

  return {
    app,
    config,
    dataSource,
    storage: app.get(ObjectStorage),
    get: (type) => app.get(type),
    async gql(query, variables) {
      const response = await request(server).post('/graphql').set('content-type', 'application/json').send({ query, variables });
      return { status: response.status, data: response.body.data ?? null, errors: response.body.errors };
    },
    async countQueries(fn) {
      const original = dataSource.logger;
      let count = 0;
      const counting: TypeOrmLogger = {
        logQuery: () => void count++,
        logQueryError: () => undefined,
        logQuerySlow: () => undefined,
        logSchemaBuild: () => undefined,
        logMigration: () => undefined,
        log: () => undefined,
      };
      (dataSource as { logger: TypeOrmLogger }).logger = counting;
      try {
        await fn();
      } finally {
        (dataSource as { logger: TypeOrmLogger }).logger = original;
      }
      return count;
    },
    async close() {
      await app.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
