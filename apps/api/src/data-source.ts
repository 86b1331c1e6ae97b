import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './common/database/typeorm-options.js';
import { loadConfig } from './config/env.js';

/** For the TypeORM CLI (`migration:generate`, `migration:show`): needs DATABASE_URL. */
const { databaseUrl } = loadConfig();
if (!databaseUrl) throw new Error('DATABASE_URL must be set for the TypeORM CLI (e.g. the embedded one printed by npm start)');

export default new DataSource(typeOrmOptions(databaseUrl));
