import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const infra = globalThis.__KARYA_TEST_INFRA__;
  if (!infra) return;
  await infra.stripe.stop();
  await infra.s3.stop();
  await infra.postgres.stop();
  await rm(infra.root, { recursive: true, force: true });
}
