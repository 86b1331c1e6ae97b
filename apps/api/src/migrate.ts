import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './common/database/typeorm-options.js';
import { ConfigError, loadConfig } from './config/env.js';
import type { RuntimeConfig } from './config/runtime-config.js';
import { resolveInfrastructure } from './infra/embedded/embedded-infrastructure.js';
import { seedDemoData } from './seed/seed-demo-data.js';

/** Applies pending migrations, each in its own transaction. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(typeOrmOptions(databaseUrl)).initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function migrateAndSeed(config: RuntimeConfig, logger = new Logger('migrate')): Promise<void> {
  const applied = await runMigrations(config.databaseUrl);
  logger.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  // Plain console: the seed's Nest context quiets Nest's own logger.
  if (config.seedDemoData) console.log(await seedDemoData({ ...config, jobWorker: false }));
}

// `node dist/migrate.js`: the migration Job in k8s/compose, and the first step of `npm start`.
if (process.argv[1]?.endsWith('migrate.js')) {
  const logger = new Logger('migrate');
  try {
    const infrastructure = await resolveInfrastructure(loadConfig(), (line) => logger.log(line));
    try {
      await migrateAndSeed(infrastructure.config, logger);
    } finally {
      await infrastructure.stop();
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
