import { rm } from 'node:fs/promises';
import type { RunningPostgres } from '../../src/infra/embedded/embedded-postgres.js';
import type { RunningS3 } from '../../src/infra/embedded/embedded-s3.js';

export default async function globalTeardown(): Promise<void> {
  const infra = (globalThis as Record<string, unknown>).__KARYA_TEST_INFRA__ as { postgres: RunningPostgres; s3: RunningS3; root: string } | undefined;
  if (!infra) return;
  await infra.s3.stop();
  await infra.postgres.stop();
  await rm(infra.root, { recursive: true, force: true });
}
