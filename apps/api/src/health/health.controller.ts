import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ObjectStorage } from '../infra/storage/object-storage.js';

/** A dependency that takes longer than this to answer counts as down: a probe must not hang. */
export const READY_CHECK_TIMEOUT_MS = 2000;

type Check = 'up' | 'down';

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
  ) {}

  /** The process answers, whatever PostgreSQL and S3 do (liveness probe: restart only a stuck process). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL and the object store both answer (readiness probe); `/health` is the same check. */
  @Get(['ready', ''])
  async ready(): Promise<{ status: 'ok'; database: 'up'; storage: 'up' }> {
    const checks = await Promise.allSettled([withTimeout(this.dataSource.query('SELECT 1'), READY_CHECK_TIMEOUT_MS), withTimeout(this.storage.ping(), READY_CHECK_TIMEOUT_MS)]);
    const [database, storage] = checks.map((check): Check => (check.status === 'fulfilled' ? 'up' : 'down'));
    if (database !== 'up' || storage !== 'up') throw new ServiceUnavailableException({ status: 'unavailable', database, storage });
    return { status: 'ok', database: 'up', storage: 'up' };
  }
}
