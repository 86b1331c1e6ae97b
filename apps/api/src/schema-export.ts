import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { repoRoot } from './config/env.js';
import { RESOLVERS } from './modules/index.js';

/** Builds the code-first schema without a database: the committed API contract (apps/api/schema.gql). */
export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const SCHEMA_FILE = path.join(repoRoot(), 'apps', 'api', 'schema.gql');

// `node dist/schema-export.js` writes the contract; with --check it fails when the committed one is stale.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const sdl = await buildSchemaSdl();
  if (process.argv.includes('--check')) {
    if (readFileSync(SCHEMA_FILE, 'utf8') !== sdl) {
      console.error(`${SCHEMA_FILE} is out of date with the code: run \`npm run codegen\` and commit the result`);
      process.exit(1);
    }
    console.log('schema.gql matches the code');
  } else {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`Wrote ${SCHEMA_FILE}`);
  }
}
