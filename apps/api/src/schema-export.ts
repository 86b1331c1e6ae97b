import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { repoRoot } from './config/env.js';
import { SCHEMA_RESOLVERS } from './schema-resolvers.js';

/** Builds the code-first schema without a database: the committed API contract (apps/api/schema.gql). */
export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(SCHEMA_RESOLVERS);
  await app.close();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const SCHEMA_FILE = path.join(repoRoot(), 'apps', 'api', 'schema.gql');

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  writeFileSync(SCHEMA_FILE, await buildSchemaSdl());
  console.log(`Wrote ${SCHEMA_FILE}`);
}
